package io.faceswap.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of the ITs that call the server over HTTP: the built WAR deployed as it ships (once per test class) and
 * the URL it answers on. A test that needs the container's beans extends {@link InContainerIT} instead.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedWarIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;
}
