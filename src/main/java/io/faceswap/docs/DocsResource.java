package io.faceswap.docs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Swagger UI at {@code /docs/}, served from the swagger-ui webjar on the class path and pointed at {@code /openapi}.
 * Served by JAX-RS because the application owns the root path.
 */
@Path("/docs")
public class DocsResource {
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> TYPES = Map.of(
            "js",
            "application/javascript",
            "css",
            "text/css",
            "png",
            "image/png",
            "html",
            "text/html; charset=utf-8",
            "map",
            "application/json");
    private static final String VERSION = webjarVersion();

    @GET
    @Operation(hidden = true)
    public Response index() {
        return resource("docs/index.html", "html");
    }

    @GET
    @Path("/swagger-ui/{file: [A-Za-z0-9._-]+}")
    @Operation(hidden = true)
    public Response asset(@PathParam("file") String file) {
        String extension = file.substring(file.lastIndexOf('.') + 1);
        return resource(WEBJAR + VERSION + "/" + file, extension);
    }

    private Response resource(String path, String extension) {
        InputStream in = DocsResource.class.getClassLoader().getResourceAsStream(path);
        if (in == null || !TYPES.containsKey(extension)) {
            throw new NotFoundException();
        }
        return Response.ok(in, TYPES.get(extension))
                .header("Cache-Control", "public, max-age=3600")
                .build();
    }

    private static String webjarVersion() {
        try (InputStream in = DocsResource.class
                .getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
