package io.faceswap.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that `package` built, deployed as is: tests run against exactly what ships. */
public final class Deployments {
    private Deployments() {}

    public static WebArchive builtWar() {
        File war = new File(System.getProperty("war.path", "target/faceswap.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Run the package phase first: no " + war);
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
