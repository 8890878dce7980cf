// The data-protection supervisory authorities of the 16 federal states, competent for the public
// bodies of their state (Art. 77 GDPR: where the person may lodge a complaint about a municipality).
// Bavaria's public bodies answer to the BayLfD, not to the BayLDA (private sector). Addresses as
// published by the authorities; they move now and then, so the legal review checks them too.
import type { FederalState } from "../../platform/reference/working-days.js";

export type SupervisoryAuthority = { name: string; address: string[]; website: string };

export const supervisoryAuthorities: Record<FederalState, SupervisoryAuthority> = {
  BW: {
    name: "Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-Württemberg",
    address: ["Lautenschlagerstraße 20", "70173 Stuttgart"],
    website: "https://www.baden-wuerttemberg.datenschutz.de",
  },
  BY: {
    name: "Bayerischer Landesbeauftragter für den Datenschutz",
    address: ["Wagmüllerstraße 18", "80538 München"],
    website: "https://www.datenschutz-bayern.de",
  },
  BE: {
    name: "Berliner Beauftragte für Datenschutz und Informationsfreiheit",
    address: ["Alt-Moabit 59–61", "10555 Berlin"],
    website: "https://www.datenschutz-berlin.de",
  },
  BB: {
    name: "Landesbeauftragte für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg",
    address: ["Stahnsdorfer Damm 77", "14532 Kleinmachnow"],
    website: "https://www.lda.brandenburg.de",
  },
  HB: {
    name: "Landesbeauftragte für Datenschutz und Informationsfreiheit der Freien Hansestadt Bremen",
    address: ["Arndtstraße 1", "27570 Bremerhaven"],
    website: "https://www.datenschutz.bremen.de",
  },
  HH: {
    name: "Hamburgischer Beauftragter für Datenschutz und Informationsfreiheit",
    address: ["Ludwig-Erhard-Straße 22", "20459 Hamburg"],
    website: "https://datenschutz-hamburg.de",
  },
  HE: {
    name: "Hessischer Beauftragter für Datenschutz und Informationsfreiheit",
    address: ["Gustav-Stresemann-Ring 1", "65189 Wiesbaden"],
    website: "https://datenschutz.hessen.de",
  },
  MV: {
    name: "Landesbeauftragte für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern",
    address: ["Werderstraße 74a", "19055 Schwerin"],
    website: "https://www.datenschutz-mv.de",
  },
  NI: {
    name: "Landesbeauftragte für den Datenschutz Niedersachsen",
    address: ["Prinzenstraße 5", "30159 Hannover"],
    website: "https://www.lfd.niedersachsen.de",
  },
  NW: {
    name: "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen",
    address: ["Kavalleriestraße 2–4", "40213 Düsseldorf"],
    website: "https://www.ldi.nrw.de",
  },
  RP: {
    name: "Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz",
    address: ["Hintere Bleiche 34", "55116 Mainz"],
    website: "https://www.datenschutz.rlp.de",
  },
  SL: {
    name: "Unabhängiges Datenschutzzentrum Saarland",
    address: ["Fritz-Dobisch-Straße 12", "66111 Saarbrücken"],
    website: "https://www.datenschutz.saarland.de",
  },
  SN: {
    name: "Sächsische Datenschutz- und Transparenzbeauftragte",
    address: ["Devrientstraße 5", "01067 Dresden"],
    website: "https://www.datenschutz.sachsen.de",
  },
  ST: {
    name: "Landesbeauftragte für den Datenschutz Sachsen-Anhalt",
    address: ["Otto-von-Guericke-Straße 34a", "39104 Magdeburg"],
    website: "https://datenschutz.sachsen-anhalt.de",
  },
  SH: {
    name: "Unabhängiges Landeszentrum für Datenschutz Schleswig-Holstein",
    address: ["Holstenstraße 98", "24103 Kiel"],
    website: "https://www.datenschutzzentrum.de",
  },
  TH: {
    name: "Thüringer Landesbeauftragter für den Datenschutz und die Informationsfreiheit",
    address: ["Häßlerstraße 8", "99096 Erfurt"],
    website: "https://www.tlfdi.de",
  },
};

/** German names of the states (the document names them in both languages). */
export const federalStateNames: Record<FederalState, string> = {
  BW: "Baden-Württemberg",
  BY: "Bayern",
  BE: "Berlin",
  BB: "Brandenburg",
  HB: "Bremen",
  HH: "Hamburg",
  HE: "Hessen",
  MV: "Mecklenburg-Vorpommern",
  NI: "Niedersachsen",
  NW: "Nordrhein-Westfalen",
  RP: "Rheinland-Pfalz",
  SL: "Saarland",
  SN: "Sachsen",
  ST: "Sachsen-Anhalt",
  SH: "Schleswig-Holstein",
  TH: "Thüringen",
};
