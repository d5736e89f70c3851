package dev.outpost.profiles.sync;

import java.time.Instant;

/**
 * The validated version of the platform repository that Outpost is using.
 *
 * @param subject the first line of the commit message
 */
public record LastGood(String commitId, String shortId, Instant committedAt, String subject) {
}
