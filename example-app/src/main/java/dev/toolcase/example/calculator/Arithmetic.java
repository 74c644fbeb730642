package dev.toolcase.example.calculator;

/** Runs the calculator's steps: real arithmetic on the model's numbers. */
public final class Arithmetic implements CalculatorHandler<Object> {

  /** Creates the handler. */
  public Arithmetic() {}

  @Override
  public Object add(Add call) {
    return call.a() + call.b();
  }

  @Override
  public Object subtract(Subtract call) {
    return call.a() - call.b();
  }

  @Override
  public Object multiply(Multiply call) {
    return call.a() * call.b();
  }

  @Override
  public Object divide(Divide call) {
    if (call.b() == 0) {
      throw new ArithmeticException("cannot divide " + call.a() + " by zero");
    }
    return call.a() / call.b();
  }

  @Override
  public Object doneForNow(DoneForNow call) {
    return call.message();
  }
}
