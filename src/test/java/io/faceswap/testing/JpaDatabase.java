package io.faceswap.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * A fresh H2 database in memory with the real schema (the Flyway migrations the server applies) and a JPA
 * persistence unit over the application's entities, for container-free tests of the rules that live in queries.
 * Transactions are resource-local: {@link #run} and {@link #call} stands in for the container's {@code @Transactional}.
 */
public final class JpaDatabase implements AutoCloseable {
    private final EntityManagerFactory factory;
    private final EntityManager em;

    public JpaDatabase(Class<?>... entities) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        factory = new HibernatePersistenceProvider()
                .createContainerEntityManagerFactory(
                        unit(ds, List.of(entities)), Map.of("hibernate.jdbc.time_zone", "UTC"));
        em = factory.createEntityManager();
    }

    /** The one entity manager of this database, for the beans under test to share. */
    public EntityManager em() {
        return em;
    }

    public void run(Consumer<EntityManager> work) {
        call(e -> {
            work.accept(e);
            return null;
        });
    }

    /** Runs {@code work} in a transaction that commits, then forgets every entity (the next read is fresh). */
    public <T> T call(Function<EntityManager, T> work) {
        em.getTransaction().begin();
        try {
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.clear();
        }
    }

    @Override
    public void close() {
        em.close();
        factory.close();
    }

    private static PersistenceUnitInfo unit(DataSource ds, List<Class<?>> entities) {
        return new PersistenceUnitInfo() {
            @Override
            public String getPersistenceUnitName() {
                return "faceswap-test";
            }

            @Override
            public String getPersistenceProviderClassName() {
                return HibernatePersistenceProvider.class.getName();
            }

            @Override
            public String getScopeAnnotationName() {
                return null;
            }

            @Override
            public List<String> getQualifierAnnotationNames() {
                return List.of();
            }

            @Override
            @SuppressWarnings({"removal", "deprecation"}) // Hibernate 6.6 implements JPA 3.1, which reads this one
            public PersistenceUnitTransactionType getTransactionType() {
                return PersistenceUnitTransactionType.RESOURCE_LOCAL;
            }

            @Override
            public DataSource getJtaDataSource() {
                return null;
            }

            @Override
            public DataSource getNonJtaDataSource() {
                return ds;
            }

            @Override
            public List<String> getMappingFileNames() {
                return List.of();
            }

            @Override
            public List<URL> getJarFileUrls() {
                return List.of();
            }

            @Override
            public URL getPersistenceUnitRootUrl() {
                return null;
            }

            @Override
            public List<String> getManagedClassNames() {
                return entities.stream().map(Class::getName).toList();
            }

            @Override
            public boolean excludeUnlistedClasses() {
                return true;
            }

            @Override
            public SharedCacheMode getSharedCacheMode() {
                return SharedCacheMode.NONE;
            }

            @Override
            public ValidationMode getValidationMode() {
                return ValidationMode.NONE;
            }

            @Override
            public Properties getProperties() {
                return new Properties();
            }

            @Override
            public String getPersistenceXMLSchemaVersion() {
                return "3.1";
            }

            @Override
            public ClassLoader getClassLoader() {
                return JpaDatabase.class.getClassLoader();
            }

            @Override
            public void addTransformer(ClassTransformer transformer) {}

            @Override
            public ClassLoader getNewTempClassLoader() {
                return null;
            }
        };
    }
}
