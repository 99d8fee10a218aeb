package nhssm.local.bootstrap.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** The type arguments reach RequestHandler through a generic superclass. */
public abstract class Typed<T extends Number> implements RequestHandler<T, String> {

    @Override
    public String handleRequest(T input, Context context) {
        return input.getClass().getSimpleName() + " " + input;
    }
}
