package io.cluman.it.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A browser tab that remembers every console error and uncaught exception, accepts confirmations (the UI asks
 * before it changes the fleet), and writes screenshots under {@code target/ui-screenshots}.
 */
final class WatchedPage implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

    private final BrowserContext context;
    private final Page page;
    private final List<String> errors = new CopyOnWriteArrayList<>();

    static {
        // a page waits for the server's answers; on a busy 2-core machine five seconds can be short
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    WatchedPage(Browser browser) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        page = context.newPage();
        page.setDefaultTimeout(20_000);
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                errors.add(m.text() + " (" + m.location() + ")");
            }
        });
        page.onPageError(e -> errors.add("uncaught: " + e));
        page.onDialog(d -> d.accept());
    }

    Page page() {
        return page;
    }

    /** The console errors and uncaught exceptions so far. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    void clearErrors() {
        errors.clear();
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        context.close();
    }
}
