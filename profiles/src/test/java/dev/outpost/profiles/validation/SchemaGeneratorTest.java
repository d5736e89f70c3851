package dev.outpost.profiles.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.model.DocumentKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The schemas published in docs/schemas must be what the model generates. After changing the
 * model, regenerate them with {@code mvn -pl profiles test -Dtest=SchemaGeneratorTest -Dschemas.update=true}.
 */
class SchemaGeneratorTest {
    private static final Path DOCS = Path.of("..", "docs", "schemas");

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void publishedSchemaMatchesTheModel(DocumentKind kind) throws Exception {
        Path file = DOCS.resolve(kind.yamlName() + ".schema.json");
        String generated = SchemaGenerator.schemaText(kind);
        if (Boolean.getBoolean("schemas.update")) {
            Files.createDirectories(DOCS);
            Files.writeString(file, generated);
        }
        assertThat(file).exists();
        assertThat(Files.readString(file)).isEqualTo(generated);
    }

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void schemaListsEveryFieldTheValidatorAccepts(DocumentKind kind) {
        JsonNode schema = SchemaGenerator.schema(kind);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(
                Shapes.fields(kind.type()).keySet());
        assertThat(schema.get("required").values()).extracting(JsonNode::asString)
                .containsExactly("apiVersion", "kind", "metadata", "spec");
    }

    @org.junit.jupiter.api.Test
    void theDefaultVersionKeyIsSpeltAsInYaml() {
        JsonNode versions = SchemaGenerator.schema(DocumentKind.SERVICE_TEMPLATE)
                .at("/properties/spec/properties/versions/properties");
        assertThat(versions.has("default")).isTrue();
        assertThat(versions.has("defaultVersion")).isFalse();
    }
}
