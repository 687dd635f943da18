/**
 * The e2e tests build the sentences they expect from the catalogues (src/core/i18n), in English unless a test
 * switches: the pages load their own catalogue in the browser, this is the test process's.
 */
import { activateLanguage } from "../../src/core/i18n";
import { en } from "../../src/core/i18n/en";

activateLanguage("en", en);
