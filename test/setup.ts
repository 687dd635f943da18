import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, beforeEach } from "vitest";
import { activateLanguage } from "../src/core/i18n";
import { en } from "../src/core/i18n/en";

// Pages load their catalogue before anything speaks (loadLanguage); tests speak English from the start (test files
// may build sentences while they load) and again at the start of every test.
activateLanguage("en", en);
beforeEach(() => {
  activateLanguage("en", en);
});

afterEach(() => {
  cleanup();
});
