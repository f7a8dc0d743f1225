package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.auth.ApiCaller;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import javax.sql.DataSource;

/**
 * The listbyids read in plain JDBC: one indexed select of the {@link TaskRead} columns, owner-checked in its
 * {@code where}. Clients poll it many times a second, and through Hibernate (a session, an SQM plan lookup, parameter
 * bindings, result assemblers) the framework cost about twice what the query did; the columns are Flyway's
 * ({@code db/migration}), the same on H2 and PostgreSQL. Outside a transaction the connection goes back to the
 * pool at once; inside one it is the transaction's.
 */
@ApplicationScoped
public class TaskReads {
    /** Ids per statement are padded to a power of two, so at most 8 distinct statements (each parsed once). */
    private static final String COLUMNS = "id, userId, title, imageUrl, videoUrl, duration, status, framesDone, "
            + "framesTotal, errorCode, errorMessage, createdAt, updatedAt, facesFound, processingSeconds, "
            + "chargedSeconds, startedAt, finishedAt, expired, deletedAt, startSeconds, endSeconds, visibleLabel, targetImageUrl, targetKind, "
            + "faceSelector, faceMappings, framesSwapped, identitySum, identitySamples";

    @Resource(lookup = "java:jboss/datasources/FaceSwapDS")
    DataSource dataSource;

    /**
     * The caller's tasks among {@code ids}, in the order asked; others' and unknown ids are simply absent (the owner
     * check is in the query's {@code where}). Not through {@code TaskService}: its transaction interceptor cost more
     * than this read of committed rows.
     */
    public List<TaskRead> listByIds(ApiCaller caller, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> asked = List.copyOf(ids);
        Map<String, TaskRead> found = new HashMap<>();
        owned(caller.userId(), asked).forEach(t -> found.put(t.id(), t));
        return asked.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** {@code userId}'s tasks among {@code ids} (1 to 128 of them), in no particular order. */
    List<TaskRead> owned(String userId, List<String> ids) {
        int slots = Integer.highestOneBit(ids.size() * 2 - 1); // the next power of two
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(select(slots))) {
            s.setString(1, userId);
            for (int i = 0; i < slots; i++) {
                s.setString(i + 2, ids.get(Math.min(i, ids.size() - 1))); // padding repeats the last id
            }
            List<TaskRead> found = new ArrayList<>(ids.size());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(row(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Tasks cannot be read right now", e);
        }
    }

    private static String select(int slots) {
        StringJoiner in = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < slots; i++) {
            in.add("?");
        }
        return "select " + COLUMNS + " from faceswap_task where userId = ? and id in " + in;
    }

    private static TaskRead row(ResultSet rs) throws SQLException {
        return new TaskRead(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(24),
                TargetKind.valueOf(rs.getString(25)),
                rs.getDouble(6),
                TaskStatus.valueOf(rs.getString(7)),
                rs.getLong(8),
                rs.getLong(9),
                rs.getString(10),
                rs.getString(11),
                instant(rs, 12),
                instant(rs, 13),
                rs.getLong(14),
                rs.getDouble(15),
                rs.getLong(16),
                instant(rs, 17),
                instant(rs, 18),
                rs.getBoolean(19),
                instant(rs, 20),
                nullableDouble(rs, 21),
                nullableDouble(rs, 22),
                rs.getBoolean(23),
                rs.getString(26),
                rs.getString(27),
                rs.getLong(28),
                rs.getDouble(29),
                rs.getLong(30));
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class); // timestamp with time zone: exact instant
        return t == null ? null : t.toInstant();
    }
}
