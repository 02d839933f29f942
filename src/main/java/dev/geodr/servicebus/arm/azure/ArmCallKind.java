package dev.geodr.servicebus.arm.azure;

/**
 * Which client-side bucket an ARM request draws from. ARM counts GET as a read and PUT, POST
 * (including breakPairing, failover and listKeys) and DELETE as writes or deletes; we fold deletes
 * into writes, the smaller budget, because the operator deletes rarely.
 */
public enum ArmCallKind {
    READ,
    WRITE;

    /** GET and HEAD are reads; every other method is a write. */
    public static ArmCallKind ofMethod(String httpMethod) {
        return "GET".equalsIgnoreCase(httpMethod) || "HEAD".equalsIgnoreCase(httpMethod)
                ? READ
                : WRITE;
    }
}
