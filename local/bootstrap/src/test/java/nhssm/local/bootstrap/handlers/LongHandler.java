package nhssm.local.bootstrap.handlers;

public class LongHandler extends Typed<Long> {
}
