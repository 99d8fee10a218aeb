package nhssm.local.bootstrap.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

public class NoDefaultConstructor implements RequestHandler<String, String> {

    public NoDefaultConstructor(String unused) {
    }

    @Override
    public String handleRequest(String input, Context context) {
        return input;
    }
}
