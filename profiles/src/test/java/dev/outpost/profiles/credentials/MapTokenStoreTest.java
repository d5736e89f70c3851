package dev.outpost.profiles.credentials;

class MapTokenStoreTest extends TokenStoreContract {
    @Override
    protected TokenStore store() {
        return new MapTokenStore();
    }
}
