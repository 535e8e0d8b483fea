export function plan(
  action: "start" | "stop",
  platform?: string,
  env?: Record<string, string | undefined>,
): { mode: "excel" | "demo"; command?: string; args?: string[]; env?: Record<string, string>; message?: string };
