import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIp, trustedClientIp } from "@/lib/http/request-context";

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

  it("la cabecera de la dirección vale solo bajo el servidor del portal, que la escribe; en next dev la pondría el cliente", () => {
    const headers = new Headers({ [CLIENT_IP_HEADER]: "203.0.113.50" });
    const before = process.env.PMDOT_PORTAL_SERVER;
    try {
      delete process.env.PMDOT_PORTAL_SERVER;
      expect(clientIp(headers)).toBeNull();
      process.env.PMDOT_PORTAL_SERVER = "1";
      expect(clientIp(headers)).toBe("203.0.113.50");
    } finally {
      if (before === undefined) delete process.env.PMDOT_PORTAL_SERVER;
      else process.env.PMDOT_PORTAL_SERVER = before;
    }
  });
});
