// Two-factor authentication: a new user sets up TOTP from the user menu, signs in with a code;
// the admin resets the second factor and finally deactivates the account.
import { expect, type Page, test } from "@playwright/test";
import { generate } from "otplib";
import { expectNoAxeViolations } from "./axe.js";
import {
  accounts,
  checkPage,
  chromiumAvailable,
  newPage,
  screenshot,
  signIn,
  signOut,
  skipReason,
  unique,
} from "./support.js";

test.skip(!chromiumAvailable, skipReason);

async function createUser(admin: Page, email: string, name: string, password: string) {
  const me = await (await admin.request.get("/api/v1/auth/me")).json();
  const res = await admin.request.post("/api/v1/users", {
    headers: { "x-strang-csrf": "1" },
    data: { email, name, password, role: "case_manager", organisationId: me.user.organisationId },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).id as string;
}

test("a user sets up TOTP and then signs in with a one-time code", async ({ browser }) => {
  const id = unique();
  const email = `t.nguyen.${id}@musterstadt.example`;
  const name = `Thi Nguyen ${id}`;
  const password = "Zwei-Faktoren-sind-besser";

  const admin = await newPage(browser);
  await signIn(admin, accounts.tenantAdmin);
  await expect(admin.locator("h1")).toHaveText("Willkommen, Katrin Vogel");
  const userId = await createUser(admin, email, name, password);

  // The user opens the setup from the user menu.
  const page = await newPage(browser);
  await signIn(page, email, password);
  await expect(page.locator("h1")).toHaveText(`Willkommen, ${name}`);
  await expect(page.getByText("Die Zwei-Faktor-Anmeldung ist noch nicht eingerichtet.")).toBeVisible();
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Zwei-Faktor-Anmeldung einrichten" }).click();
  await checkPage(page, "totp-setup", "Zwei-Faktor-Anmeldung einrichten");
  await page.getByRole("button", { name: "Einrichtung beginnen" }).click();
  const secretText = await page.getByTestId("totp-secret").textContent();
  const secret = (secretText ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(page.getByRole("img", { name: "QR-Code zur Einrichtung der Authenticator-App" })).toBeVisible();
  await expectNoAxeViolations(page, "totp setup with secret");
  await screenshot(page, "totp-setup-secret");

  // A wrong code is refused with a message at the field; the right one finishes the setup.
  const code = await generate({ secret });
  const wrong = code === "123456" ? "654321" : "123456";
  await page.getByLabel(/^Code aus der App/).fill(wrong);
  await page.getByRole("button", { name: "Einrichtung abschließen" }).click();
  await expect(page.getByText("Der Code passt nicht.", { exact: false })).toBeVisible();
  await expect(page.getByLabel(/^Code aus der App/)).toBeFocused();
  await page.getByLabel(/^Code aus der App/).fill(await generate({ secret }));
  await page.getByRole("button", { name: "Einrichtung abschließen" }).click();
  await expect(page.locator("h1")).toHaveText(`Willkommen, ${name}`);
  await expect(page.getByText("Die Zwei-Faktor-Anmeldung ist eingerichtet.").first()).toBeVisible();
  await page.getByTestId("user-menu").click();
  await expect(page.getByRole("menuitem", { name: "Zwei-Faktor-Anmeldung einrichten" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await signOut(page);

  // Signing in now asks for the code.
  await signIn(page, email, password);
  const totpField = page.getByLabel(/^Einmalcode/);
  await expect(totpField).toBeVisible();
  await expect(totpField).toBeFocused();
  await checkPage(page, "login-totp", "Anmelden");
  await totpField.fill(wrong);
  await page.getByRole("button", { name: "Code bestätigen" }).click();
  await expect(page.getByText("Der Code ist falsch oder abgelaufen.", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, "login with wrong code");
  // A code is accepted once: the enrolment used this step's code, so sign in with the next step's.
  await totpField.fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await page.getByRole("button", { name: "Code bestätigen" }).click();
  await expect(page.locator("h1")).toHaveText(`Willkommen, ${name}`);

  // The admin resets the second factor (phone lost): the user is signed out and signs in without a code.
  await admin.goto(`/users/${userId}`);
  await checkPage(admin, "user-edit-totp", "Benutzerkonto bearbeiten");
  await admin.getByRole("button", { name: "Zwei-Faktor-Anmeldung zurücksetzen" }).click();
  const dialog = admin.getByRole("dialog", { name: "Zwei-Faktor-Anmeldung zurücksetzen" });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(admin, "reset totp dialog");
  await dialog.getByRole("button", { name: "Bestätigen" }).click();
  await expect(admin.getByText(`Die Zwei-Faktor-Anmeldung von ${name} wurde zurückgesetzt.`)).toBeVisible();
  await expect(admin.getByText("Die Zwei-Faktor-Anmeldung ist nicht eingerichtet.")).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email, password);
  await expect(page.locator("h1")).toHaveText(`Willkommen, ${name}`);

  // Deactivated, the account cannot sign in any more.
  await admin.getByRole("button", { name: "Konto deaktivieren" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Bestätigen" }).click();
  await expect(admin.getByText(`Das Konto von ${name} wurde deaktiviert.`)).toBeVisible();
  await expect(admin.getByText("Das Konto ist deaktiviert.", { exact: false })).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email, password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("E-Mail-Adresse oder Passwort ist falsch.");

  await page.context().close();
  await admin.context().close();
});
