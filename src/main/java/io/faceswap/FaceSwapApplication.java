package io.faceswap;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The WAR owns the root context so that paths are exactly ClipZap's ({@code /v1/...}). */
@ApplicationPath("/")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Face-swap OpenAPI (ClipZap-compatible)",
                        version = "1.0",
                        description =
                                "Swap the face of a photo onto the faces of a video. Customer calls carry an OpenAPI key in "
                                        + "`X-ClipZap-Apikey`; management calls carry `Authorization: Bearer <admin token>`. Every response "
                                        + "is the envelope `{\"code\", \"message\", \"data\"}`: code 0 is success."))
@SecuritySchemes({
    @SecurityScheme(
            securitySchemeName = "ApiKey",
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.HEADER,
            apiKeyName = "X-ClipZap-Apikey",
            description = "An OpenAPI key (sk-...) created by /v1/openapi_account/new"),
    @SecurityScheme(
            securitySchemeName = "AdminBearer",
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            description = "The admin token (clipzap.admin.token, or the generated file in the data directory)")
})
public class FaceSwapApplication extends Application {}
