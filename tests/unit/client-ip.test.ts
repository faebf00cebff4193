import { describe, expect, it } from "vitest";
import { trustedClientIp } from "@/lib/http/request-context";

describe("dirección del cliente", () => {
  it("sin proxies propios es la de la conexión, diga lo que diga X-Forwarded-For", () => {
    expect(trustedClientIp("203.0.113.9", "10.0.0.5", 0)).toBe("10.0.0.5");
    expect(trustedClientIp(undefined, "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("detrás de N proxies es la entrada N-ésima desde la derecha: lo que el cliente añade a la izquierda no cuenta", () => {
    // The client sent "1.2.3.4"; our balancer appended the address it saw.
    expect(trustedClientIp("1.2.3.4, 198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
    expect(trustedClientIp(["1.2.3.4", "198.51.100.7, 10.0.0.3"], "10.0.0.2", 2)).toBe("198.51.100.7");
    expect(trustedClientIp("198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
  });

  it("si llegan menos entradas que proxies declarados, toma la más lejana; sin ninguna, la conexión", () => {
    expect(trustedClientIp("198.51.100.7", "10.0.0.2", 2)).toBe("198.51.100.7");
    expect(trustedClientIp(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
  });
});
