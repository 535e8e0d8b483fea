// jsdom has no ResizeObserver; Fluent UI's MessageBar observes its own size. An inert one is enough for tests.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
