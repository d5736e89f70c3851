package dev.outpost.stack.cost.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Figures over time, in one SQLite file in Outpost's data directory, so totals per day and per month survive
 * restarts. SQLite because the window and the CLI may have it open at once (WAL and a busy timeout make that
 * safe across processes, which single-process stores such as H2's or MapDB's file locks do not), its file
 * format is stable for decades, and users can read it with the {@code sqlite3} tool they already have.
 *
 * <p>Samples are summed into one row per subject and minute: a month of an environment sampled every 15 s is
 * 43,200 rows, not 172,800, and nothing needs compacting.
 */
public final class UsageStore implements AutoCloseable {
    private static final long BUCKET_MS = 60_000;
    private static final int SCHEMA = 1;

    private final Path file;
    private final Connection db;

    private UsageStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    public static UsageStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS usage (
                          subject TEXT NOT NULL, kind TEXT NOT NULL, bucket INTEGER NOT NULL,
                          seconds REAL NOT NULL, kwh REAL NOT NULL, grams REAL NOT NULL, cost REAL NOT NULL,
                          currency TEXT NOT NULL, cpu_core_seconds REAL NOT NULL, memory_byte_seconds REAL NOT NULL,
                          PRIMARY KEY (subject, kind, bucket))""");
                s.execute("CREATE INDEX IF NOT EXISTS usage_by_time ON usage(bucket)");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS idle_stops (
                          id INTEGER PRIMARY KEY AUTOINCREMENT, subject TEXT NOT NULL, kind TEXT NOT NULL,
                          stopped_at INTEGER NOT NULL, idle_since INTEGER NOT NULL, cost_per_hour REAL NOT NULL,
                          grams_per_hour REAL NOT NULL, kwh_per_hour REAL NOT NULL, currency TEXT NOT NULL,
                          resumed_at INTEGER)""");
                s.execute("PRAGMA user_version = " + SCHEMA);
            }
            return new UsageStore(file, c);
        } catch (SQLException | java.io.IOException e) {
            throw new UsageStoreException("cannot open the usage store", file, e);
        }
    }

    public Path file() {
        return file;
    }

    public synchronized void add(UsageSample s) {
        long bucket = s.at().toEpochMilli() / BUCKET_MS * BUCKET_MS;
        try (PreparedStatement p = db.prepareStatement("""
                INSERT INTO usage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (subject, kind, bucket) DO UPDATE SET
                  seconds = seconds + excluded.seconds, kwh = kwh + excluded.kwh, grams = grams + excluded.grams,
                  cost = cost + excluded.cost, currency = excluded.currency,
                  cpu_core_seconds = cpu_core_seconds + excluded.cpu_core_seconds,
                  memory_byte_seconds = memory_byte_seconds + excluded.memory_byte_seconds""")) {
            p.setString(1, s.subject());
            p.setString(2, s.kind().name());
            p.setLong(3, bucket);
            p.setDouble(4, s.span().toMillis() / 1000.0);
            p.setDouble(5, s.kwh());
            p.setDouble(6, s.grams());
            p.setDouble(7, s.cost());
            p.setString(8, s.currency());
            p.setDouble(9, s.cpuCoreSeconds());
            p.setDouble(10, s.memoryByteSeconds());
            p.executeUpdate();
        } catch (SQLException e) {
            throw new UsageStoreException("cannot record usage", file, e);
        }
    }

    /** Totals per subject since {@code since}, most expensive first. */
    public synchronized List<UsageTotal> totals(Instant since, Optional<String> subject) {
        String sql = "SELECT subject, kind, SUM(seconds), SUM(kwh), SUM(grams), SUM(cost), MAX(currency) FROM usage"
                + " WHERE bucket >= ?" + (subject.isPresent() ? " AND subject = ?" : "")
                + " GROUP BY subject, kind ORDER BY SUM(cost) DESC, subject";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setLong(1, since.toEpochMilli() / BUCKET_MS * BUCKET_MS);
            if (subject.isPresent()) {
                p.setString(2, subject.get());
            }
            List<UsageTotal> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new UsageTotal(r.getString(1), UsageKind.valueOf(r.getString(2)),
                            Duration.ofMillis(Math.round(r.getDouble(3) * 1000)), r.getDouble(4), r.getDouble(5),
                            r.getDouble(6), r.getString(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new UsageStoreException("cannot read usage", file, e);
        }
    }

    /** Figures per calendar day in {@code zone} (days follow the user's clock, daylight saving included). */
    public synchronized List<DailyUsage> daily(Instant since, ZoneId zone, Optional<String> subject) {
        String sql = "SELECT subject, kind, bucket, kwh, grams, cost, currency FROM usage WHERE bucket >= ?"
                + (subject.isPresent() ? " AND subject = ?" : "") + " ORDER BY bucket";
        record Key(LocalDate day, String subject, UsageKind kind) {
        }
        Map<Key, double[]> sums = new LinkedHashMap<>();
        Map<Key, String> currency = new LinkedHashMap<>();
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setLong(1, since.toEpochMilli() / BUCKET_MS * BUCKET_MS);
            if (subject.isPresent()) {
                p.setString(2, subject.get());
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Key k = new Key(LocalDate.ofInstant(Instant.ofEpochMilli(r.getLong(3)), zone), r.getString(1),
                            UsageKind.valueOf(r.getString(2)));
                    double[] s = sums.computeIfAbsent(k, x -> new double[3]);
                    s[0] += r.getDouble(4);
                    s[1] += r.getDouble(5);
                    s[2] += r.getDouble(6);
                    currency.put(k, r.getString(7));
                }
            }
        } catch (SQLException e) {
            throw new UsageStoreException("cannot read usage", file, e);
        }
        List<DailyUsage> out = new ArrayList<>();
        sums.forEach((k, s) -> out.add(new DailyUsage(k.day(), k.subject(), k.kind(), s[0], s[1], s[2], currency.get(k))));
        return out;
    }

    public synchronized IdleStop recordIdleStop(String subject, UsageKind kind, Instant stoppedAt, Instant idleSince,
                                                double costPerHour, double gramsPerHour, double kwhPerHour,
                                                String currency) {
        try (PreparedStatement p = db.prepareStatement("""
                INSERT INTO idle_stops (subject, kind, stopped_at, idle_since, cost_per_hour, grams_per_hour,
                  kwh_per_hour, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, subject);
            p.setString(2, kind.name());
            p.setLong(3, stoppedAt.toEpochMilli());
            p.setLong(4, idleSince.toEpochMilli());
            p.setDouble(5, costPerHour);
            p.setDouble(6, gramsPerHour);
            p.setDouble(7, kwhPerHour);
            p.setString(8, currency);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return new IdleStop(keys.getLong(1), subject, kind, stoppedAt, idleSince, costPerHour, gramsPerHour,
                        kwhPerHour, currency, Optional.empty());
            }
        } catch (SQLException e) {
            throw new UsageStoreException("cannot record an idle stop", file, e);
        }
    }

    /** Closes the open idle stop of {@code subject}, if any: it runs again, so the saving stops growing. */
    public synchronized void resumed(String subject, Instant at) {
        try (PreparedStatement p = db.prepareStatement(
                "UPDATE idle_stops SET resumed_at = ? WHERE subject = ? AND resumed_at IS NULL")) {
            p.setLong(1, at.toEpochMilli());
            p.setString(2, subject);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new UsageStoreException("cannot record a resume", file, e);
        }
    }

    /** Idle stops since {@code since}, newest first. */
    public synchronized List<IdleStop> idleStops(Instant since, Optional<String> subject) {
        String sql = "SELECT id, subject, kind, stopped_at, idle_since, cost_per_hour, grams_per_hour, kwh_per_hour,"
                + " currency, resumed_at FROM idle_stops WHERE (resumed_at IS NULL OR resumed_at >= ?)"
                + (subject.isPresent() ? " AND subject = ?" : "") + " ORDER BY stopped_at DESC, id DESC";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setLong(1, since.toEpochMilli());
            if (subject.isPresent()) {
                p.setString(2, subject.get());
            }
            List<IdleStop> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long resumed = r.getLong(10);
                    Optional<Instant> resumedAt = r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(resumed));
                    out.add(new IdleStop(r.getLong(1), r.getString(2), UsageKind.valueOf(r.getString(3)),
                            Instant.ofEpochMilli(r.getLong(4)), Instant.ofEpochMilli(r.getLong(5)), r.getDouble(6),
                            r.getDouble(7), r.getDouble(8), r.getString(9), resumedAt));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new UsageStoreException("cannot read idle stops", file, e);
        }
    }

    public Optional<IdleStop> lastIdleStop(String subject) {
        return idleStops(Instant.EPOCH, Optional.of(subject)).stream().findFirst();
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new UsageStoreException("cannot close the usage store", file, e);
        }
    }
}
