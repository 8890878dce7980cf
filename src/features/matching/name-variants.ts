// Names whose usual spellings differ in more than romanisation: Ukrainian and Russian forms of one
// name (Mykola/Nikolai, Olena/Elena), Turkish forms of Arabic names (Mehmet, Hatice, Recep),
// abbreviations (Mhd). Each group maps to its first member; lookup is by phonetic form, so the
// romanisation variants of every listed form are covered without listing them: lookup is by the
// phonetic form plus the first letter (the form alone is broad enough to merge Hisham with Ghasem). Two names that
// are both listed under different groups are different names (Hasan and Husain, Muhammad and
// Mahmud), however similar they look: comparison does not take one for a typo of the other.

import { phoneticForm } from "./phonetic-key.js";

const groups: string[] = [
  // Md., Muh., Mhd. and Mohd. are the usual written abbreviations (South Asian, Indonesian, Syrian registers).
  "muhammad mhd mohd mhmd md muh mehmet mehmed muhammet",
  "aleksandr oleksandr alexander oleksander",
  "nikolai mykola mikola nikolaj mykolai",
  "elena olena jelena yelena",
  "ekaterina kateryna katerina jekaterina yekaterina katharina",
  "evgenii yevhen jewgenij jewhen ievgen eugen",
  "evgeniia yevheniia jewgenija ievgeniia",
  "grigorii hryhorii grigory hryhorij",
  "aleksei oleksii oleksiy alexei aleksej oleksij",
  "anna hanna ganna",
  "pavel pavlo pawlo",
  "iosif yosyp osip josyp",
  "yakov yakiv jakiw",
  "georgii heorhii",
  "lev lew",
  "anatolii anatoliy",
  "liubov lyubov ljubow",
  "othman osman usman uthman",
  "khadija hatice hadice khadidja",
  "jamal cemal djamal",
  "jamila cemile",
  "jafar cafer",
  "juma cuma",
  "rajab recep",
  "jawdat cevdet",
  "qasim ghasem ghassem kasim",
  "qasimi ghasemi ghassemi",
  "mustafa mustapha",
  "husain hussein huseyin hossein",
  "hasan hassan",
  "mahmud mahmoud mahmut",
  "ahmad ahmed ahmet achmed",
  "hamid hamed hamit",
  "hamad hammad",
  "umar omar omer",
  "amir emir",
  "amin emin",
  "amina emine",
  "saeed said saied",
  "sayed sayyid seyed sayyed",
  "abdullah abdallah abdulla",
  "yahya yahia jahja",
  "ali aly",
  "sulaiman suleiman sleiman suleyman",
  "ismail esmail ismayil",
];

const light = (t: string) => `${t[0]}${phoneticForm(t)}`;

const canonicalByForm = new Map<string, string>();
for (const g of groups) {
  const [canonical, ...variants] = g.split(" ") as [string, ...string[]];
  for (const v of [canonical, ...variants]) {
    const form = light(v);
    if (!canonicalByForm.has(form)) canonicalByForm.set(form, canonical);
  }
}

/** The canonical spelling of a known name (any usual spelling of it), or the token itself. */
export function canonicalName(token: string): string {
  return canonicalByForm.get(light(token)) ?? token;
}
