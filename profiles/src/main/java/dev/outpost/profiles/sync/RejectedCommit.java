package dev.outpost.profiles.sync;

import java.time.Instant;

/**
 * An upstream commit that failed validation, named so the user can tell the platform team which one.
 *
 * @param author  the author's name and e-mail, as {@code Name <mail>}
 * @param subject the first line of the commit message
 */
public record RejectedCommit(String commitId, String shortId, String author, String subject, Instant committedAt) {
}
