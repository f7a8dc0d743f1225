/**
 * The database schema: Flyway migrations ({@code src/main/resources/db/migration}) applied when the application
 * starts, before anything else touches the database. Depends on nothing else of ours; everything else may rely on
 * the schema being current once the application has started.
 */
package io.faceswap.schema;
