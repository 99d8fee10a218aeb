package nhssm.local.bootstrap.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

public class FailingConstructor implements RequestHandler<String, String> {

    public FailingConstructor() {
        throw new IllegalStateException("TABLE_NAME is not set");
    }

    @Override
    public String handleRequest(String input, Context context) {
        return input;
    }
}
