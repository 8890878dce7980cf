// Name tables for the matching benchmark's generator, richer than the demo's: Cyrillic names in
// original script (romanised by the generator's own scheme tables), more Arabic, Persian, Turkish
// and Tigrinya names, birth places with their usual exonyms. Kept apart from the library's tables
// on purpose: the generator must not share the matcher's knowledge.

export const ukrMale =
  "Олександр Андрій Дмитро Сергій Володимир Микола Іван Юрій Олег Віталій Максим Богдан Тарас Артем Денис Василь Петро Павло Михайло Григорій Ігор Роман Євген Віктор Анатолій Ярослав Степан Костянтин Валерій Руслан Олексій Назар Ростислав Вадим Остап".split(
    " ",
  );
export const ukrFemale =
  "Олена Наталія Тетяна Ірина Світлана Юлія Оксана Катерина Ольга Марія Анастасія Вікторія Галина Людмила Дарина Ганна Надія Любов Валентина Лариса Віра Софія Аліна Ксенія Яна Олександра Євгенія Христина Тамара Зоряна".split(
    " ",
  );
export const ukrFamily =
  "Шевченко Коваленко Бондаренко Ткаченко Кравченко Мельник Коваль Бойко Олійник Поліщук Лисенко Мороз Савченко Руденко Марченко Ковальчук Гриценко Павленко Шевчук Кравчук Бондар Ткачук Олешко Клименко Левченко Петренко Іваненко Харченко Сидоренко Романенко Гончаренко Мартинюк Захарченко Литвиненко Кузьменко Демченко Юрченко Федоренко Панченко Гуменюк Вовк Жук Яковенко Щербак Кушнір Приходько Семенко Білик Ющенко Зінченко Чорновол Грищенко Остапчук Задорожний Хоменко".split(
    " ",
  );
export const rusMale =
  "Александр Сергей Дмитрий Андрей Алексей Максим Иван Михаил Николай Артём Евгений Владимир Павел Юрий Игорь Виктор Константин Денис Роман Григорий".split(
    " ",
  );
export const rusFemale =
  "Елена Ольга Татьяна Наталья Ирина Светлана Екатерина Анна Мария Юлия Анастасия Людмила Евгения Ксения Дарья Валентина".split(
    " ",
  );
export const rusFamily =
  "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Захаров Щукин Жуков Шестаков Чернов Ершов Хабибуллин".split(
    " ",
  );
/** A Ukrainian is sometimes registered under the Russian form of the name (older passports). */
export const ukrToRus: Record<string, string> = {
  Олександр: "Александр",
  Микола: "Николай",
  Олена: "Елена",
  Наталія: "Наталья",
  Катерина: "Екатерина",
  Сергій: "Сергей",
  Андрій: "Андрей",
  Дмитро: "Дмитрий",
  Юрій: "Юрий",
  Тетяна: "Татьяна",
  Ірина: "Ирина",
  Світлана: "Светлана",
  Володимир: "Владимир",
  Євген: "Евгений",
  Олексій: "Алексей",
  Михайло: "Михаил",
  Павло: "Павел",
  Ганна: "Анна",
  Ігор: "Игорь",
  Григорій: "Григорий",
};

// Arabic names in a plain English romanisation; the generator derives the other spellings by rule.
export const arabMale =
  "Mohammed Ahmad Mahmoud Omar Khaled Hussein Ali Yousef Ibrahim Abdulrahman Mustafa Hassan Bilal Rami Samer Tarek Wael Firas Anas Abdullah Jamal Nabil Ziad Majed Fadi Hamza Karim Salim Adel Walid Jihad Bashar Saeed Hisham Nizar Suleiman Ismail Yahya Qasim Sami Amer Ayman Ghassan Marwan Riad Haitham Osama Abdelkarim Abdelaziz Abdelhamid Mounir Raed Shadi Tamer Yasser Zakaria".split(
    " ",
  );
export const arabFemale =
  "Fatima Aisha Mariam Rania Huda Amal Noor Lina Sara Rasha Hanan Yasmin Dima Reem Layla Zainab Ghada Nour Alaa Heba Khadija Samira Salma Asma Rima Suha Widad Najwa Manal Jamila Nadia Hala Ruba Maysa Shaima Bushra Rana Sawsan Lama Hiba".split(
    " ",
  );
export const arabFamily =
  "Al-Hassan Alkhatib Al-Ahmad Haddad Hamoud Al-Ali Darwish Khalil Saleh Al-Masri Kassem Najjar Aboud Al-Halabi Shami Othman Al-Hamwi Issa Mansour Suleiman Al-Jubouri Al-Obaidi Al-Tamimi Al-Rubaie Kareem Mahmoud Rashid Salih Hamad Khalaf Murad Qasim Al-Shammari Al-Zoubi Al-Khalidi Al-Sayed Hijazi Jaber Nasser Yassin Sabbagh Qassab Habib Zaher Al-Hussaini Al-Rifai Abdelrahman Al-Dabbagh Attar Bakri Farhat Ghanem Hakim Jundi Kanaan".split(
    " ",
  );
export const kurdMale = "Dilshad Rebwar Hogr Karwan Shvan Aram Dler Sherzad Hemin Azad".split(" ");
export const kurdFemale = "Shilan Rozhin Avin Dilan Nazdar Shno Hawre Zhila".split(" ");

export const afgMale =
  "Ahmad Mohammad Abdul Ali Hamid Rahim Karim Najib Wahid Farid Jawad Sayed Zabihullah Nasir Habibullah Mirwais Rahmatullah Samiullah Ezatullah Shafiq Jamshid Bashir Qadir Nasrullah Mujtaba Hamidullah Sohrab Elyas Masoud Rohullah".split(
    " ",
  );
export const afgFemale =
  "Fatima Zahra Maryam Shabnam Mariam Roya Nazanin Parwana Freshta Lida Mursal Sima Gulalai Nilofar Tamana Marzia Farzana Zarghona Hosna Mahbooba".split(
    " ",
  );
export const afgFamily =
  "Ahmadi Hussaini Rahimi Karimi Mohammadi Haidari Noori Sadat Stanikzai Popal Rezaei Azizi Hakimi Nazari Safi Amiri Sultani Wardak Yousufzai Hashimi Jalali Kohistani Mohmand Durrani".split(
    " ",
  );
export const irnMale =
  "Reza Mohammad Ali Hossein Mehdi Amir Saeed Hamid Arash Babak Kourosh Omid Behnam Dariush Farhad Javad Majid Navid Payam Shahram".split(
    " ",
  );
export const irnFemale =
  "Maryam Zahra Fatemeh Narges Shirin Leila Parisa Sahar Mahsa Neda Azadeh Roya Golnaz Mina Samaneh Shiva Yalda".split(
    " ",
  );
export const irnFamily =
  "Hosseini Mohammadi Rezaei Ahmadi Karimi Moradi Jafari Rahimi Sadeghi Kazemi Ghasemi Ebrahimi Tehrani Najafi Shirazi Esfahani Bagheri Heidari Sharifi Mousavi".split(
    " ",
  );

export const turMale =
  "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Yusuf Ömer Burak Serkan Kemal Özgür Çağlar Gökhan Şükrü Tuğrul Ümit Barış Cengiz Erdoğan Oğuz".split(
    " ",
  );
export const turFemale =
  "Ayşe Fatma Emine Hatice Zeynep Elif Meryem Şerife Büşra Özlem Gül Derya Sevgi Yasemin Gülşen Çiğdem Şule Nurşen Dilek Hülya".split(
    " ",
  );
export const turFamily =
  "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kurt Koç Güneş Kaplan Şimşek Erdoğan Aktaş Polat Güler Bozkurt Kahraman Türkmen Karataş Uçar Ünal".split(
    " ",
  );

export const eriMale =
  "Tesfaye Yonas Mehari Semere Dawit Filmon Yohannes Berhane Kidane Tewelde Habtom Amanuel Biniam Goitom Mussie Robel Yemane Tekle Ghebremedhin Woldemariam Haile Negassi Ermias Samuel Tsegay Tekeste Berhe Gebre Asmerom Kibrom Mulugeta Tesfamariam Mesfin Zerai Weldu Ghirmay Russom Solomon Yosief Fitsum Measho Efrem Hagos Araya Teklay Abraham Isaias Medhanie Nahom Okbay Sium Tedros Zemichael".split(
    " ",
  );
export const eriFemale =
  "Selam Helen Senait Mebrat Yordanos Luwam Saba Rahel Tsega Winta Feven Hiwet Ruth Abrehet Lemlem Meron Sara Yodit Eden Freweyni Medhanit Mihret Nebiat Selamawit Tirhas Zewdi Akberet Almaz Hiwot Ariam Danait Elsa Kisanet Milena Segen Tsigereda".split(
    " ",
  );
export const somMale =
  "Abdi Mohamed Ahmed Abdullahi Hassan Omar Yusuf Abdirahman Ismail Farah Abdiaziz Liban Mahad Khalid Bashir".split(
    " ",
  );
export const somFemale = "Fadumo Amina Hodan Asha Sahra Ubah Hawa Khadija Ifrah Hibo Sagal Muna Halima Nasra".split(
  " ",
);
export const somFamily =
  "Mohamed Ali Hassan Abdi Ahmed Warsame Farah Jama Osman Nur Hussein Egal Duale Aden Hersi".split(" ");

export const rouMale =
  "Ion Gheorghe Constantin Alexandru Mihai Andrei Florin Ionuț Marius Daniel Ștefan Răzvan Cătălin".split(" ");
export const rouFemale =
  "Maria Elena Ioana Ana Mihaela Andreea Cristina Gabriela Florentina Daniela Ștefania Roxana Alina".split(" ");
export const rouFamily =
  "Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Munteanu Rusu Lungu Constantinescu Dobre Marinescu Țurcanu Bălan Sârbu".split(
    " ",
  );
export const ngaMale =
  "Chinedu Emeka Oluwaseun Ibrahim Tunde Ifeanyi Babatunde Musa Chukwuma Adebayo Obinna Segun Uche Kelechi".split(" ");
export const ngaFemale =
  "Ngozi Chioma Aisha Funmilayo Blessing Adaeze Folake Amaka Zainab Yetunde Nneka Bukola Chiamaka".split(" ");
/** Yoruba and Igbo names are built from parts; the generator composes more of them. */
export const ngaPrefixes =
  "Ade Olu Oluwa Ola Chi Chukwu Ngo Ife Obi Nna Oke Ogun Baba Ayo Femi Kayo Tolu Uche Ama Eme".split(" ");
export const ngaSuffixes =
  "yemi wale kunle seun tunde dike nna meka bunmi femi nonso chi dara mide lola gozie buike nedu bisi kemi".split(" ");
export const ngaFamily =
  "Okafor Adeyemi Okonkwo Bello Eze Ogunleye Nwosu Abubakar Olawale Ibrahim Okeke Afolabi Nnamdi Adewale Chukwu".split(
    " ",
  );
export const ginMale =
  "Mamadou Ibrahima Alpha Ousmane Abdoulaye Amadou Sekou Mohamed Thierno Boubacar Souleymane Lansana Mamady Alseny".split(
    " ",
  );
export const ginFemale =
  "Mariama Fatoumata Aissatou Kadiatou Hawa Mariame Djenabou Fanta Aminata Binta Oumou Hadja Kadija Adama Assiatou Fatou Hadiatou Kadidiatou Maimouna Nene Rouguiatou Saran Safiatou Tenin".split(
    " ",
  );
export const ginFamily =
  "Diallo Barry Bah Camara Sow Conde Keita Toure Sylla Balde Soumah Bangoura Kouyate Cisse Traore".split(" ");

/** Birth places with the spellings different agencies write. */
export const places: Record<string, string[][]> = {
  SYR: [
    ["Aleppo", "Halab", "Alep", "حلب"],
    ["Damaskus", "Damascus", "Dimashq"],
    ["Homs", "Hims"],
    ["Idlib", "Idleb"],
    ["Deir ez-Zor", "Deir ez Zor", "Deir Ezzor", "Dayr az-Zawr"],
    ["Hama", "Hamah"],
    ["Raqqa", "Rakka", "Ar-Raqqah"],
    ["Latakia", "Lattakia", "Latakiya"],
    ["Daraa", "Deraa", "Dara"],
    ["Qamishli", "Kamischli", "Al-Qamishli"],
  ],
  UKR: [
    ["Kyjiw", "Kyiv", "Kiew", "Kiev", "Київ"],
    ["Charkiw", "Kharkiv", "Charkow", "Kharkov"],
    ["Odesa", "Odessa"],
    ["Dnipro", "Dnepr"],
    ["Mariupol", "Mariupol'"],
    ["Saporischschja", "Zaporizhzhia", "Zaporozhye"],
    ["Lwiw", "Lviv", "Lemberg", "Lvov"],
    ["Cherson", "Kherson"],
    ["Tschernihiw", "Chernihiv", "Chernigov"],
    ["Poltawa", "Poltava"],
  ],
  AFG: [
    ["Kabul"],
    ["Herat"],
    ["Masar-e Scharif", "Mazar-i-Sharif", "Mazar-e Sharif"],
    ["Kandahar", "Qandahar"],
    ["Dschalalabad", "Jalalabad"],
    ["Ghazni", "Gazni"],
    ["Kundus", "Kunduz"],
  ],
  TUR: [
    ["Istanbul", "İstanbul"],
    ["Diyarbakır", "Diyarbakir"],
    ["Ankara"],
    ["İzmir", "Izmir"],
    ["Van"],
    ["Gaziantep", "Antep"],
    ["Mardin"],
  ],
  IRQ: [
    ["Bagdad", "Baghdad"],
    ["Mossul", "Mosul"],
    ["Erbil", "Arbil", "Hawler"],
    ["Sulaimaniyya", "Sulaymaniyah", "Sulaimani"],
    ["Basra", "Basrah"],
    ["Kirkuk"],
    ["Dohuk", "Duhok"],
  ],
  ERI: [["Asmara", "Asmera"], ["Keren"], ["Massawa", "Massaua"], ["Mendefera"], ["Dekemhare"]],
  IRN: [
    ["Teheran", "Tehran"],
    ["Maschhad", "Mashhad"],
    ["Isfahan", "Esfahan"],
    ["Schiras", "Shiraz"],
    ["Täbris", "Tabriz"],
  ],
  SOM: [
    ["Mogadischu", "Mogadishu", "Muqdisho"],
    ["Hargeisa", "Hargeysa"],
    ["Kismayo", "Kismaayo"],
    ["Baidoa", "Baydhabo"],
  ],
  RUS: [
    ["Moskau", "Moscow", "Moskva", "Москва"],
    ["Sankt Petersburg", "Saint Petersburg"],
    ["Grosny", "Grozny"],
    ["Kasan", "Kazan"],
  ],
  ROU: [["Bukarest", "Bucharest", "București"], ["Craiova"], ["Constanța", "Constanta"], ["Iași", "Iasi", "Jassy"]],
  NGA: [["Lagos"], ["Benin City"], ["Abuja"], ["Kano"], ["Port Harcourt"]],
  GIN: [["Conakry", "Konakry"], ["Kankan"], ["Labé", "Labe"], ["Nzérékoré", "Nzerekore"]],
};
