package io.faceswap.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of the ITs that run inside the server (to reach its beans and database, or change a setting for the
 * deployment): the built WAR plus the test helpers they use there, and the URL it answers on.
 */
@ExtendWith(ArquillianExtension.class)
abstract class InContainerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.builtWar()
                .addClasses(
                        InContainerIT.class, ApiClient.class, ApiClient.Reply.class, Deployments.class, Await.class);
    }

    @ArquillianResource
    URL base;
}
