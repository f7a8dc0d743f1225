package io.faceswap.webhook;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Seals the webhook secrets that rest in the clear (rows written before V4) at start, right after the schema
 * migration. Idempotent: only rows with a clear value are touched, and each by a conditional update that also
 * empties the clear column, so two nodes starting together seal each row once (the loser's update matches no row;
 * both use the one shared key, see {@link SecretSealer}).
 */
@ApplicationScoped
public class SecretSealing {
    private static final Logger LOG = Logger.getLogger(SecretSealing.class.getName());

    @Resource(lookup = "java:jboss/datasources/FaceSwapDS")
    DataSource dataSource;

    @Inject
    SecretSealer sealer;

    void atStart(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        sealer.ready();
        int sealed = sealClearRows();
        if (sealed > 0) {
            LOG.info(() -> "Sealed " + sealed + " webhook secret(s) that were stored in the clear");
        }
    }

    /** Returns how many rows this call sealed. */
    public int sealClearRows() {
        try (Connection c = dataSource.getConnection()) {
            Map<String, String> clear = new LinkedHashMap<>();
            try (PreparedStatement select = c.prepareStatement(
                            "select id, secretValue from webhook_secret where secretValue is not null");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    clear.put(rows.getString(1), rows.getString(2));
                }
            }
            int sealed = 0;
            try (PreparedStatement update = c.prepareStatement("update webhook_secret set secretSealed = ?, "
                    + "secretValue = null where id = ? and secretValue = ?")) {
                for (Map.Entry<String, String> row : clear.entrySet()) {
                    update.setString(1, sealer.seal(row.getKey(), row.getValue()));
                    update.setString(2, row.getKey());
                    update.setString(3, row.getValue());
                    sealed += update.executeUpdate();
                }
            }
            return sealed;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seal the webhook secrets stored in the clear", e);
        }
    }
}
