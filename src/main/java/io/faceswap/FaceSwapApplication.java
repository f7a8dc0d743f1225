package io.faceswap;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/")
public class FaceSwapApplication extends Application {
}
