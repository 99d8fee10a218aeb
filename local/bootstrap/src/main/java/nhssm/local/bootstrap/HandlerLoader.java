package nhssm.local.bootstrap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

/**
 * Loads a handler as the Lambda Java runtime does, from {@code _HANDLER}:
 * <ul>
 * <li>{@code package.Class}: the class implements {@link RequestStreamHandler}, or
 *     {@link RequestHandler} with concrete type arguments (found through superclasses and
 *     superinterfaces), and has a public no-argument constructor;</li>
 * <li>{@code package.Class::method}: a public method of that name (static, or on an instance made
 *     with the no-argument constructor) taking {@code (I, Context)}, {@code (I)}, {@code (Context)},
 *     {@code ()}, {@code (InputStream, OutputStream, Context)} or {@code (InputStream, OutputStream)};
 *     of several overloads the runtime's order applies: non-bridge methods first, then the longest,
 *     counting a trailing Context as one more.</li>
 * </ul>
 * Events and results go through the runtime's serialization library: an event class of
 * aws-lambda-java-events through {@link LambdaEventSerializers} (with the runtime's mixins, so that
 * {@code Records}, {@code S}, {@code N}... map), any other type through its Jackson
 * {@link JacksonFactory}. A void result is {@code null}.
 */
final class HandlerLoader {

    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private HandlerLoader() {
    }

    static FunctionHandler load(String handler, ClassLoader loader, Map<String, String> env, PrintStream out)
            throws Exception {
        String spec = handler == null ? "" : handler.strip();
        int colons = spec.indexOf("::");
        String className = colons < 0 ? spec : spec.substring(0, colons);
        String methodName = colons < 0 ? null : spec.substring(colons + 2);
        if (className.isEmpty() || (methodName != null && methodName.isEmpty())) {
            throw new IllegalArgumentException("Invalid handler \"" + spec + "\": expected package.Class or package.Class::method");
        }
        Class<?> cls;
        try {
            cls = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException("Class not found: " + className, e);
        } catch (ExceptionInInitializerError e) {
            throw initFailure(e.getCause() == null ? e : e.getCause());
        }
        return methodName == null ? fromInterface(cls, loader, env, out) : fromMethod(cls, methodName, loader, env, out);
    }

    // ---- package.Class

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static FunctionHandler fromInterface(Class<?> cls, ClassLoader loader, Map<String, String> env,
                                                 PrintStream out) throws Exception {
        if (RequestStreamHandler.class.isAssignableFrom(cls)) {
            RequestStreamHandler h = (RequestStreamHandler) newInstance(cls);
            return streams(h::handleRequest, env, out);
        }
        if (!RequestHandler.class.isAssignableFrom(cls)) {
            throw new IllegalArgumentException("Class does not implement an appropriate handler interface: " + cls.getName());
        }
        Type[] types = typeArguments(cls, RequestHandler.class);
        if (types == null || types.length != 2) {
            throw new IllegalArgumentException("Class " + cls.getName()
                    + " does not implement RequestHandler with concrete type parameters");
        }
        for (Type t : types) {
            if (t instanceof TypeVariable<?> v && Arrays.stream(v.getBounds()).allMatch(Object.class::equals)) {
                throw new IllegalArgumentException("Class " + cls.getName()
                        + " does not implement RequestHandler with concrete type parameters: parameter " + v
                        + " has no upper bound.");
            }
        }
        RequestHandler h = (RequestHandler) newInstance(cls);
        return pojo((input, context) -> h.handleRequest(input, context), bound(types[0]), bound(types[1]), loader,
                env, out);
    }

    /**
     * The type arguments {@code cls} gives {@code iface}, following superclasses and superinterfaces
     * and substituting their type variables; null if none is found.
     */
    static Type[] typeArguments(Class<?> cls, Class<?> iface) {
        return typeArguments(cls, Map.of(), iface);
    }

    private static Type[] typeArguments(Type type, Map<TypeVariable<?>, Type> outer, Class<?> iface) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            raw = c;
            TypeVariable<?>[] variables = c.getTypeParameters();
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < variables.length && i < arguments.length; i++) {
                Type argument = arguments[i];
                bindings.put(variables[i], argument instanceof TypeVariable<?> v && outer.containsKey(v)
                        ? outer.get(v) : argument);
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
        } else {
            return null;
        }
        if (raw.equals(iface)) {
            return Arrays.stream(raw.getTypeParameters()).map(v -> bindings.getOrDefault(v, v)).toArray(Type[]::new);
        }
        for (Type superInterface : raw.getGenericInterfaces()) {
            Type[] found = typeArguments(superInterface, bindings, iface);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : typeArguments(superclass, bindings, iface);
    }

    /** A bounded type variable stands for its first bound, as for Jackson. */
    private static Type bound(Type t) {
        return t instanceof TypeVariable<?> v ? v.getBounds()[0] : t;
    }

    // ---- package.Class::method

    private static FunctionHandler fromMethod(Class<?> cls, String name, ClassLoader loader, Map<String, String> env,
                                              PrintStream out) throws Exception {
        List<Method> candidates;
        try {
            candidates = Arrays.stream(cls.getMethods()).filter(m -> m.getName().equals(name))
                    .sorted(Comparator.comparing((Method m) -> m.isBridge())
                            .thenComparing(m -> -weight(m)))
                    .toList();
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("Error loading method " + name + " on class " + cls.getName(), e);
        }
        for (Method m : candidates) {
            FunctionHandler h = fromOverload(cls, m, loader, env, out);
            if (h != null) {
                return h;
            }
        }
        throw new NoSuchMethodException("No public method named " + name + " with appropriate method signature found on class "
                + cls.getName());
    }

    private static int weight(Method m) {
        Class<?>[] p = m.getParameterTypes();
        return p.length + (p.length > 0 && p[p.length - 1].equals(Context.class) ? 1 : 0);
    }

    private static FunctionHandler fromOverload(Class<?> cls, Method m, ClassLoader loader, Map<String, String> env,
                                                PrintStream out) throws Exception {
        Class<?>[] p = m.getParameterTypes();
        Type[] g = m.getGenericParameterTypes();
        Type result = m.getGenericReturnType();
        boolean streams = p.length >= 2 && p[0].equals(InputStream.class) && p[1].equals(OutputStream.class)
                && (p.length == 2 || (p.length == 3 && p[2].equals(Context.class)));
        boolean pojo = switch (p.length) {
            case 0 -> true;
            case 1 -> !p[0].equals(InputStream.class) && !p[0].equals(OutputStream.class);
            case 2 -> p[1].equals(Context.class) && !p[0].equals(Context.class) && !p[0].equals(InputStream.class)
                    && !p[0].equals(OutputStream.class);
            default -> false;
        };
        if (!streams && !pojo) {
            return null;
        }
        Object instance = Modifier.isStatic(m.getModifiers()) ? null : newInstance(cls);
        if (streams) {
            return streams((in, o, context) -> call(m, instance, p.length == 3 ? new Object[] {in, o, context}
                    : new Object[] {in, o}), env, out);
        }
        boolean takesInput = p.length == 2 || (p.length == 1 && !p[0].equals(Context.class));
        boolean takesContext = p.length == 2 || (p.length == 1 && p[0].equals(Context.class));
        return pojo((input, context) -> {
            Object[] args = new Object[(takesInput ? 1 : 0) + (takesContext ? 1 : 0)];
            int i = 0;
            if (takesInput) {
                args[i++] = input;
            }
            if (takesContext) {
                args[i] = context;
            }
            return call(m, instance, args);
        }, takesInput ? g[0] : null, result, loader, env, out);
    }

    private static Object call(Method m, Object instance, Object[] args) throws Throwable {
        try {
            return m.invoke(instance, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() == null ? e : e.getCause();
        }
    }

    // ---- the two shapes

    private interface StreamCall {
        void handle(InputStream in, OutputStream out, Context context) throws Throwable;
    }

    private interface PojoCall {
        Object handle(Object input, Context context) throws Throwable;
    }

    private static FunctionHandler streams(StreamCall call, Map<String, String> env, PrintStream log) {
        return invocation -> {
            ByteArrayOutputStream output = new ByteArrayOutputStream(1024);
            call.handle(new ByteArrayInputStream(invocation.event()), output, new LocalContext(invocation, env, log));
            return output.toByteArray();
        };
    }

    private static FunctionHandler pojo(PojoCall call, Type inputType, Type outputType, ClassLoader loader,
                                        Map<String, String> env, PrintStream log) {
        PojoSerializer<Object> input = inputType == null ? null : serializer(inputType, loader);
        PojoSerializer<Object> output = isVoid(outputType) ? null : serializer(outputType, loader);
        return invocation -> {
            Object event = null;
            if (input != null) {
                try {
                    event = input.fromJson(new ByteArrayInputStream(invocation.event()));
                } catch (Throwable t) {
                    throw new RuntimeException("An error occurred during JSON parsing", t);
                }
            }
            Object result = call.handle(event, new LocalContext(invocation, env, log));
            if (output == null) {
                return JSON_NULL.clone();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
            try {
                output.toJson(result, bytes);
            } catch (Throwable t) {
                throw new RuntimeException("An error occurred during JSON serialization of response", t);
            }
            return bytes.toByteArray();
        };
    }

    /** The runtime's choice: its event serializers (with mixins) for event classes, its Jackson for the rest. */
    @SuppressWarnings("unchecked")
    static PojoSerializer<Object> serializer(Type type, ClassLoader loader) {
        if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(c, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    private static boolean isVoid(Type type) {
        return type == null || Void.TYPE.equals(type) || Void.class.equals(type);
    }

    // ---- construction

    private static Object newInstance(Class<?> cls) throws Exception {
        Constructor<?> constructor;
        try {
            constructor = cls.getConstructor();
        } catch (NoSuchMethodException e) {
            if (cls.getEnclosingClass() != null && !Modifier.isStatic(cls.getModifiers())) {
                throw new NoSuchMethodException("Class " + cls.getName()
                        + " cannot be instantiated because it is a non-static inner class");
            }
            throw new NoSuchMethodException("Class " + cls.getName() + " has no public zero-argument constructor");
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw initFailure(e.getCause() == null ? e : e.getCause());
        }
    }

    /** What the handler's own initialisation threw, reported as itself. */
    private static Exception initFailure(Throwable t) {
        if (t instanceof Exception e) {
            return e;
        }
        return new InitFailure(t);
    }

    /** Carries an Error thrown by the handler's initialisation; reported as the Error itself. */
    static final class InitFailure extends Exception {
        InitFailure(Throwable error) {
            super(error);
        }
    }
}
