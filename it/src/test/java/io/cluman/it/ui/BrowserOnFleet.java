package io.cluman.it.ui;

import io.cluman.agent.driver.docker.DockerdProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a browser test of the UI stands on: one dockerd and one Chromium for the class; for each test a fresh
 * fleet of two agents ({@link #fleet}) and a fresh tab ({@link #tab}).
 */
abstract class BrowserOnFleet {
    private static DockerdProcess engine;
    private static Chromium chromium;

    @TempDir
    Path dir;
    UiFleet fleet;
    WatchedPage tab;

    @BeforeAll
    static void startEngineAndBrowser() {
        engine = DockerdProcess.start();
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stopEngineAndBrowser() {
        if (chromium != null) {
            chromium.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void startFleetAndTab() {
        fleet = new UiFleet(dir, engine, 2);
        tab = new WatchedPage(chromium.browser());
    }

    @AfterEach
    void stopFleetAndTab() {
        tab.close();
        fleet.close();
    }
}
