package nhssm.local.template;

/** template.yaml cannot be run locally as written: the message names the resource and property at fault. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
