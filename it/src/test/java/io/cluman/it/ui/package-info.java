/**
 * The web UI in a real browser: Debian's Chromium driven by Playwright for Java against a real server with real
 * agents. Every page loads without a console error, the operator's main flow works end to end, and a wrong token
 * says so. Each page's screenshot is kept under {@code it/target/ui-screenshots}.
 */
package io.cluman.it.ui;
