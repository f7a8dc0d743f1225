package io.faceswap.auth;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is behind the current request, for the audit log: {@code admin:<token fingerprint>} or {@code key:<key id>},
 * set by the filters that check the credential. Never the credential itself.
 */
@RequestScoped
public class RequestActor {
    private String name = "anonymous";

    public String name() {
        return name;
    }

    void set(String actor) {
        this.name = actor;
    }
}
