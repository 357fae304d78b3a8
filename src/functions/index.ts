import { langFromLocale } from "../core/i18n";
import { officeDisplayLanguage } from "../workbook/displayLanguage";
import { setFunctionsLanguage } from "./language";
import "./inventory";
import "./forecast";

// The functions' messages follow Office's language as soon as Office says what it is.
void officeDisplayLanguage().then((locale) => setFunctionsLanguage(langFromLocale(locale)));
