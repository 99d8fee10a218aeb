package nhssm.local.lambda;

import java.nio.file.Path;
import java.util.List;

/**
 * The runtime's part inside a function's JVM: the project's own bootstrap (the default), or Amazon's runtime interface
 * client, which the Lambda Java runtime is built on, from its jars, as the reference the Runtime API is checked against.
 */
public sealed interface ContainerRuntime {

    /** {@code nhssm.local.bootstrap.LambdaBootstrap}, on the class path after the function's artifact. */
    record Bootstrap() implements ContainerRuntime {
    }

    /**
     * {@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda} from {@code jars} (the client and its
     * dependencies), which loads the function from its working directory as it does from /var/task on Lambda.
     */
    record InterfaceClient(List<Path> jars, Path nativeLibrary) implements ContainerRuntime {
        public static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
        /** Where the client's org.crac implementation is, for org.crac's Core to find. */
        public static final String CRAC = "com.amazonaws.services.lambda.crac";
        /**
         * The client's system property naming its native library. Without it, every client JVM unpacks the
         * library to one fixed file in /tmp: one environment per machine on Lambda, but here several JVMs at once
         * rewrite the file another is loading, and the loader crashes (SIGBUS).
         */
        public static final String NATIVE_LIBRARY_PROPERTY =
                "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

        public InterfaceClient {
            jars = List.copyOf(jars);
        }
    }

    ContainerRuntime BOOTSTRAP = new Bootstrap();
}
