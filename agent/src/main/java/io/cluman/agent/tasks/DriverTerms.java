package io.cluman.agent.tasks;

import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.RegistryAuth;
import io.cluman.model.agent.RegistryLogin;
import io.cluman.model.agent.TaskFailure;

/** Translations between what the server sends and reports and what the drivers take and throw. */
final class DriverTerms {
    private DriverTerms() {
    }

    static RegistryAuth auth(RegistryLogin login) {
        return login == null ? null : new RegistryAuth(login.username(), login.password(), login.server());
    }

    /** The failure kind the server explains and announces (pull failures), or null. */
    static TaskFailure failure(DriverException.Reason reason) {
        return switch (reason) {
            case PULL_UNAUTHORIZED -> TaskFailure.PULL_UNAUTHORIZED;
            case IMAGE_NOT_FOUND -> TaskFailure.IMAGE_NOT_FOUND;
            case PULL_FAILED -> TaskFailure.PULL_FAILED;
            default -> null;
        };
    }
}
