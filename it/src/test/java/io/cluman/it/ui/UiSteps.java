package io.cluman.it.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Steps the browser tests share: log in, open a page by its address and wait for its heading. */
final class UiSteps {
    private UiSteps() {
    }

    static void logIn(Page page, String url, String token) {
        page.navigate(url + "/");
        page.getByLabel("API token").fill(token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    }

    static void open(Page page, String url, String hash, String heading) {
        page.navigate(url + "/" + hash);
        assertThat(page.locator("main h1")).containsText(heading);
    }
}
