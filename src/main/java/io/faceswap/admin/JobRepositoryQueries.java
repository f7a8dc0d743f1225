package io.faceswap.admin;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Reads JBeret's JDBC job repository directly (tables JOB_INSTANCE, JOB_EXECUTION, PARTITION_EXECUTION): one indexed
 * query per page instead of reading the management model execution by execution, which is slow with thousands.
 */
@ApplicationScoped
public class JobRepositoryQueries {

    @Resource(lookup = "java:jboss/datasources/FaceSwapDS")
    DataSource dataSource;

    public record ExecutionRow(
            long executionId,
            long instanceId,
            String jobName,
            String batchStatus,
            String exitStatus,
            Instant createTime,
            Instant startTime,
            Instant endTime,
            String taskId) {}

    public record Filter(String status, String jobName, Instant from, Instant to, Long cursor, int limit) {}

    /** Newest first; {@code cursor} is the last execution id of the previous page. */
    public List<ExecutionRow> executions(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT e.JOBEXECUTIONID, e.JOBINSTANCEID, i.JOBNAME, e.BATCHSTATUS, "
                + "e.EXITSTATUS, e.CREATETIME, e.STARTTIME, e.ENDTIME, e.JOBPARAMETERS FROM JOB_EXECUTION e "
                + "JOIN JOB_INSTANCE i ON i.JOBINSTANCEID = e.JOBINSTANCEID WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.status() != null) {
            sql.append(" AND e.BATCHSTATUS = ?");
            args.add(f.status());
        }
        if (f.jobName() != null) {
            sql.append(" AND i.JOBNAME = ?");
            args.add(f.jobName());
        }
        if (f.from() != null) {
            sql.append(" AND e.CREATETIME >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND e.CREATETIME < ?");
            args.add(Timestamp.from(f.to()));
        }
        if (f.cursor() != null) {
            sql.append(" AND e.JOBEXECUTIONID < ?");
            args.add(f.cursor());
        }
        sql.append(" ORDER BY e.JOBEXECUTIONID DESC FETCH FIRST ")
                .append(f.limit())
                .append(" ROWS ONLY");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<ExecutionRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ExecutionRow(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            instant(rs, 6),
                            instant(rs, 7),
                            instant(rs, 8),
                            parameters(rs.getString(9)).getProperty("taskId")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The job repository cannot be read", e);
        }
    }

    public record PartitionRow(int partition, String batchStatus, String exitStatus) {}

    /** Partitions of a step, in partition order. */
    public List<PartitionRow> partitions(long stepExecutionId) {
        String sql = "SELECT PARTITIONEXECUTIONID, BATCHSTATUS, EXITSTATUS FROM PARTITION_EXECUTION "
                + "WHERE STEPEXECUTIONID = ? ORDER BY PARTITIONEXECUTIONID";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, stepExecutionId);
            List<PartitionRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PartitionRow(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The job repository cannot be read", e);
        }
    }

    /**
     * Deletes completed, failed and abandoned executions (with their steps, partitions and emptied instances) that
     * ended before cutoff. Stopped ones stay: they belong to paused tasks that may be restarted.
     */
    public int purgeFinishedBefore(Instant cutoff) {
        String finished = "SELECT JOBEXECUTIONID FROM JOB_EXECUTION WHERE ENDTIME < ? AND BATCHSTATUS IN "
                + "('COMPLETED', 'FAILED', 'ABANDONED')"; // a STOPPED one belongs to a paused task
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM PARTITION_EXECUTION WHERE STEPEXECUTIONID IN "
                            + "(SELECT STEPEXECUTIONID FROM STEP_EXECUTION WHERE JOBEXECUTIONID IN (" + finished
                            + "))");
                    PreparedStatement s = c.prepareStatement(
                            "DELETE FROM STEP_EXECUTION WHERE JOBEXECUTIONID IN (" + finished + ")");
                    PreparedStatement e =
                            c.prepareStatement("DELETE FROM JOB_EXECUTION WHERE JOBEXECUTIONID IN (" + finished + ")");
                    PreparedStatement i = c.prepareStatement("DELETE FROM JOB_INSTANCE WHERE JOBINSTANCEID NOT IN "
                            + "(SELECT JOBINSTANCEID FROM JOB_EXECUTION)")) {
                for (PreparedStatement ps : List.of(p, s, e)) {
                    ps.setTimestamp(1, Timestamp.from(cutoff));
                }
                p.executeUpdate();
                s.executeUpdate();
                int executions = e.executeUpdate();
                i.executeUpdate();
                return executions;
            }
        } catch (SQLException ex) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The job repository cannot be purged", ex);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Properties parameters(String text) {
        Properties p = new Properties();
        if (text != null) {
            try {
                p.load(new StringReader(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }
}
