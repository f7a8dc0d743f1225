package io.faceswap.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The admin page at {@code /admin/}: static HTML and JavaScript that call the admin API with a token the operator
 * types in (kept in sessionStorage only). The page itself holds no secret, so it needs no credential.
 */
@Path("/admin")
public class AdminPageResource {

    @GET
    @Operation(hidden = true)
    public Response page() {
        InputStream in = AdminPageResource.class.getClassLoader().getResourceAsStream("admin/index.html");
        if (in == null) {
            throw new NotFoundException();
        }
        return Response.ok(in, "text/html; charset=utf-8")
                .header(
                        "Content-Security-Policy",
                        "default-src 'self'; style-src 'self' 'unsafe-inline'; " + "script-src 'self' 'unsafe-inline'")
                .header("Cache-Control", "no-store")
                .build();
    }
}
