package org.rll.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real, empty PostgreSQL server (the embedded binaries from Maven Central) for each test
 * class that extends with it, and stops it after the class. Test and lifecycle methods, static
 * {@code @BeforeAll} ones included, receive its {@link DataSource} as a parameter.
 *
 * <p>Works as root too, as in most containers: the library then starts initdb and the server under
 * {@code unshare -U}, since PostgreSQL refuses to run as root.
 */
public final class EmbeddedPostgresExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EmbeddedPostgresExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    context.getStore(NAMESPACE).put(Server.class, new Server(EmbeddedPostgres.start()));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DataSource.class;
  }

  @Override
  public DataSource resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .get(Server.class, Server.class)
        .postgres()
        .getPostgresDatabase();
  }

  /** Stops the server when JUnit closes the class's store. */
  private record Server(EmbeddedPostgres postgres)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
