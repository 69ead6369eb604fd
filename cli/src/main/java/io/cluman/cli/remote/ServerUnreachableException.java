package io.cluman.cli.remote;

/** The server did not answer at {@link #address()}; the command line exits with 3. */
public final class ServerUnreachableException extends RuntimeException {
    private final String address;

    public ServerUnreachableException(String address, Throwable cause) {
        super("cannot reach " + address, cause);
        this.address = address;
    }

    public String address() {
        return address;
    }
}
