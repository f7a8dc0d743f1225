package io.faceswap;

import io.faceswap.auth.AdminToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Tells an operator where the service listens and where the admin token is (never the token itself). */
@ApplicationScoped
public class StartupBanner {
    private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

    @Inject
    AdminToken adminToken;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        String host = System.getProperty("jboss.bind.address", "127.0.0.1");
        int port =
                Integer.getInteger("jboss.http.port", 8080) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        LOG.info(() -> String.format(
                "Face-swap API listening on http://%s:%d/ (API docs /docs/, contract /openapi);"
                        + " admin token from %s",
                host, port, adminToken.source()));
    }
}
