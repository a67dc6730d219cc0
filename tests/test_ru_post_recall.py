"""Recall of posts and affiliations (issue 14): news sentences and the facts their names must get, and must not."""

from __future__ import annotations

import pytest
from factcases import fact_tests

TUSUR = "Томский государственный университет систем управления и радиоэлектроники"

POSITIVE = [
    # a compound post is a post when one of its parts is listed
    (
        "25 февраля 2019 года умер рок-музыкант Марк Холлис.",
        ("Марк Холлис", "holdsPosition", "рок-музыкант @ None"),
    ),
    (
        "Сегодня ушел из жизни известный писатель-фронтовик Юрий Васильевич Бондарев.",
        ("Юрий Васильевич Бондарев", "holdsPosition", "известный писатель-фронтовик @ None"),
    ),
    # "экс-" is a post held before
    (
        "Бывший секретарь Совета безопасности Виктор Шейман и экс-глава МВД Владимир Наумов противостояли планам.",
        ("Владимир Наумов", "holdsPosition", "бывший глава @ МВД"),
    ),
    # a bare post as the subject stands for the one person named just before
    (
        "Поп-звезда Мадонна сообщила, что у неё найдены антитела. 61-летняя певица сообщила об этом в четверг.",
        ("Поп-звезда Мадонна", "holdsPosition", "певица @ None"),
    ),
    (
        "Андрей Варичев умер от пневмонии. Несколько дней назад менеджер сдавал тест на коронавирус.",
        ("Андрей Варичев", "holdsPosition", "менеджер @ None"),
    ),
    # a clause with no subject written: the one person named just before, if the verb's gender is theirs
    (
        "Иван Петров родился в Томске. С 2015 года был министром финансов.",
        ("Иван Петров", "holdsPosition", "министр финансов @ None"),
    ),
    # a name in the genitive between a post and a name is the post's complement
    (
        "Адвокат Александра Кокорина Андрей Ромашов прокомментировал приговор суда.",
        ("Андрей Ромашов", "holdsPosition", "адвокат @ None"),
    ),
    # coordinated posts before a name: a compound post among them
    (
        "25 февраля 2019 года умер британский рок-музыкант, основатель группы Talk Talk Марк Холлис.",
        ("Марк Холлис", "holdsPosition", "рок-музыкант @ None"),
    ),
    # an organisation with "из" right before a name, or in parentheses right after it
    (
        "Новый глава Рособрнадзора на несколько месяцев старше своего коллеги из Минкомсвязи Николая Никифорова.",
        ("Николай Никифоров", "affiliatedWith", "Минкомсвязи"),
    ),
    (
        "В Москве выступили легендарные музыканты Юрий Царёв (проект «Метро»), Алексей Борисов и Павел Шевелёв.",
        ("Юрий Царев", "affiliatedWith", "Метро"),
    ),
    # an organisation's full name in parentheses between the post and the name
    (
        "Член ХДС (Христианско-демократический союз Германии) Томас Шефер умер.",
        ("Томас Шефер", "affiliatedWith", "ХДС"),
    ),
    # "исполняющий обязанности" written out, as "и. о.": the post in the genitive after it
    (
        "Временно исполняющий обязанности председателя правительства Ингушетии Владимир Сластенин сказал РБК.",
        (
            "Владимир Сластенин",
            "holdsPosition",
            "исполняющий обязанности председателя @ Правительство Ингушетии",
        ),
    ),
    # a participle after the name states a post
    (
        "Иван Петров, назначенный министром финансов, приехал.",
        ("Иван Петров", "holdsPosition", "министр финансов @ None"),
    ),
    (
        "Марк Тоунер, исполняющий обязанности официального представителя Госдепартамента США, выступил.",
        (
            "Марк Тоунер",
            "holdsPosition",
            "исполняющий обязанности официального представителя @ Госдепартамент США",
        ),
    ),
    # professions added to the lists
    (
        "25 июля 1909 года авиатор Луи Блерио пересёк пролив.",
        ("Луи Блерио", "holdsPosition", "авиатор @ None"),
    ),
    (
        "Там он в конце 1980-х познакомился с диджеем Лиамом Хоулеттом.",
        ("Лиам Хоулетт", "holdsPosition", "диджей @ None"),
    ),
    # verbs of affiliation (issue 14, second round): a name the recogniser cut short is still the subject
    (
        "Мейв Кеннеди и сын поплыли за мячом. Мейв Кеннеди родилась в семье вице-губернатора штата, "
        "работала в Госдепартаменте и Министерстве здравоохранения.",
        ("Мейв Кеннеди", "affiliatedWith", "Госдепартамент"),
    ),
    # "который" as the subject of the name's relative clause
    (
        "Другим новичком стал Александр Горбенко, который на протяжении нескольких лет работал в «Российской газете».",
        ("Александр Горбенко", "affiliatedWith", "Российской газете"),
    ),
    # a clause with no subject written: the one person named just before
    (
        "Его отец, Ван Чжэнь, родился в бедности. В 1927 году в 19 лет вступил в Коммунистическую партию, "
        "служил в Красной армии.",
        ("Ван Чжэнь", "affiliatedWith", "Красная армия"),
    ),
    (
        "Его отец, Ван Чжэнь, родился в бедности. В 1927 году в 19 лет вступил в Коммунистическую партию, "
        "служил в Красной армии.",
        ("Ван Чжэнь", "affiliatedWith", "Коммунистическая партия"),
    ),
    # a part of the organisation as the object: the person is affiliated with the whole
    (
        "Иван Петров возглавляет пресс-службу компании «Газпром».",
        ("Иван Петров", "affiliatedWith", "Газпром"),
    ),
    # verbs that tie a player to a club only with "за"; a gerund's subject is its clause's
    (
        "В текущем сезоне Мхитарян провел 17 матчей за «Рому» во всех турнирах, забив 6 голов.",
        ("Мхитарян", "affiliatedWith", "Рома"),
    ),
    (
        "Выступая за «Сибирь» на протяжении трех сезонов, Тарасенко забросил в ворота соперников 30 шайб.",
        ("Тарасенко", "affiliatedWith", "Сибирь"),
    ),
    # a participle on the post the name is in apposition to
    (
        'Воспитанник тамбовского футбола Юрий Жирков, выступающий за махачкалинский "Анжи", не сможет сыграть.',
        ("Юрий Жирков", "affiliatedWith", "Анжи"),
    ),
    # "занимал посты в компании …"
    (
        "Марсель Крамер в разные годы занимал руководящие посты сначала в норвежской нефтегазовой компании "
        "Statoil, затем — в нидерландской Gasunie.",
        ("Марсель Крамер", "affiliatedWith", "Statoil"),
    ),
    # "Экс-председатель" at a sentence start, tagged an adjective
    (
        "Экс-председатель Верховного народного собрания КНДР Хван Чжан Еп скончался.",
        ("Хван Чжан Еп", "holdsPosition", "бывший председатель @ Верховное народное собрание КНДР"),
    ),
    # a name in apposition to a post that is the subject: the post's predicate is the name's
    (
        "Представитель «Единой России», экс-глава кремлевской администрации Сергей Нарышкин избран спикером "
        "Госдумы шестого созыва.",
        (
            "Сергей Нарышкин",
            "holdsPosition",
            "спикер @ Государственная дума Федерального собрания Российской Федерации",
        ),
    ),
    # the organisation two genitives below the verb's object
    (
        "Министр финансов Иван Петров возглавил совет директоров «Газпрома».",
        ("Иван Петров", "affiliatedWith", "Газпром"),
    ),
    # "занимает должность X, а также Y": both posts
    (
        "Вячеслав Тимченко занимает должность руководителя Приволжского межрегионального координационного "
        "совета «Единой России», а также заместителя председателя комитета Совета Федерации по экономической "
        "политике.",
        ("Вячеслав Тимченко", "affiliatedWith", "Совет Федерации Федерального собрания Российской Федерации"),
    ),
    # the post the one next to the name is in apposition to
    (
        "Лидер группы «Ленинград», музыкант Сергей Шнуров сообщил сегодня о разводе.",
        ("Сергей Шнуров", "holdsPosition", "лидер @ Ленинград"),
    ),
    # a name whose words disagree in case takes the case of the post right before it (the armed forces
    # are an organisation named by a common noun)
    (
        "Однако уже днём заместитель главы вооружённых сил генерал-лейтенанта Аксары Кердпола сообщил, "
        "что протестующие покинули аэропорт.",
        ("Аксара Кердпола", "holdsPosition", "глава @ Вооруженные силы"),
    ),
    # an organisation named by a common noun a post governs (issue 15): the article's own node
    (
        'Как сообщал "Ъ" 6 июня, член бюро высшего совета партии Андрей Исаев не исключил даже лишения '
        "Муртазы Рахимова поста.",
        ("Андрей Исаев", "holdsPosition", "член @ Бюро высшего совета партии"),
    ),
    (
        "Директор ростовского цирка Дмитрий Резниченко уточнил, что Попов скончался в гостинице цирка.",
        ("Дмитрий Резниченко", "affiliatedWith", "Ростовский цирк"),
    ),
    (
        "Утром 16 мая представитель вооружённых сил полковник Сансерн Каевкамнерд заявил по национальному "
        "телевидению о том, что ограничения сохранятся.",
        ("Сансерн Каевкамнерд", "affiliatedWith", "Вооруженные силы"),
    ),
    # a bare noun after a post: the organisation that noun introduced before
    (
        "Американская компания Playboy Enterprises планирует отказаться от печатной версии журнала. "
        "Руководитель компании Бен Кон заявил об этом.",
        ("Бен Кон", "affiliatedWith", "Playboy Enterprises"),
    ),
    (
        "Кроме сторонников ДПНИ, к бульвару хотели прийти представители партии «Яблоко». В итоге, там "
        "появились только несколько яблочников, включая главу партии Сергея Митрохина.",
        ("Сергей Митрохин", "affiliatedWith", "Яблоко"),
    ),
    # the name right after the noun is the organisation
    (
        "Пол Сорос являлся основателем логистической компании Soros Associates, разрабатывающей способы "
        "перевозки оптовых партий.",
        ("Пол Сорос", "founderOf", "Soros Associates"),
    ),
    # a name in Latin letters after a predicate post belongs to it
    (
        "Ли Джэён фактически является главой Samsung Group после того, как в 2014 году тяжело заболел его отец.",
        ("Ли Джэен", "holdsPosition", "глава @ Samsung Group"),
    ),
    # an organisation after "в"/"при" in a post is where its holder serves
    (
        "Умер постоянный представитель России в ООН Виталий Чуркин.",
        ("Виталий Чуркин", "affiliatedWith", "ООН"),
    ),
    # "в составе" / "в состав" of an organisation, under any verb
    (
        "Немецкая актриса Настасья Кински вошла в состав жюри основного конкурса 40-го Московского "
        "международного кинофестиваля.",
        (
            "Настасья Кински",
            "affiliatedWith",
            "Жюри основного конкурса 40-го Московского международного кинофестиваля",
        ),
    ),
    (
        "Стоит отметить, что предыдущий матч, в котором Тихонов выходил на поле в составе «Спартака», "
        "состоялся более 10 лет назад, 20 сентября 2000 года.",
        ("Тихонов", "affiliatedWith", "Спартак"),
    ),
    (
        "В ходе президентских выборов 2018 года Анастасия Заворотнюк вошла в состав движения Putin Team, "
        "выступавшего в поддержку Владимира Путина.",
        ("Анастасия Заворотнюк", "affiliatedWith", "Putin Team"),
    ),
    # a post with its organisation as a subject stands for the one person named just before
    (
        "Сенатор Джон Керри прибыл в воскресенье вечером в Пакистан. Председатель влиятельного Комитета по "
        "иностранным делам стал первым представителем властных структур США, посещающим Исламабад после "
        "ликвидации 2 мая американским спецназом лидера Аль-Кайды Усамы бин Ладена.",
        ("Джон Керри", "affiliatedWith", "Комитет по иностранным делам"),
    ),
    # a verb's object names the organisation with no name written, or a country's body
    (
        "Имеется в виду, что принц Гарри служил в британской армии и летал на вертолётах Apache в Афганистане.",
        ("Гарри", "affiliatedWith", "Британская армия"),
    ),
    (
        "Амано был профессиональным дипломатом и работал в посольствах Японии в Лаосе, США и Бельгии.",
        ("Амано", "affiliatedWith", "Япония"),
    ),
    # a parenthesis with no post after a name (the name in another script) is skipped
    (
        "«На Луну высадятся четыре астронавта», сказал Скотт Хоровитц (Scott Horowitz), бывший астронавт.",
        ("Скотт Хоровитц", "holdsPosition", "бывший астронавт @ None"),
    ),
    # an adverb of degree inside the post's organisation; the organisation's adjectives are not the post's
    (
        "Кандидатом стала лидер французского крайне правого Национального фронта (FN) Марин Ле Пен.",
        ("Марин Ле Пен", "holdsPosition", "лидер @ Национальный фронт"),
    ),
    # a name that hangs on the first of two joined posts holds both
    (
        "Иерусалим будет представлять на саммите министр по делам разведки, глава государственной Комиссии "
        "по атомной энергии Дан Меридор.",
        ("Дан Меридор", "holdsPosition", "министр по делам разведки @ None"),
    ),
    (
        "Иерусалим будет представлять на саммите министр по делам разведки, глава государственной Комиссии "
        "по атомной энергии Дан Меридор.",
        ("Дан Меридор", "holdsPosition", "глава @ Комиссия по атомной энергии"),
    ),
    # "шеф", "бундестренер" are posts
    (
        "Сегодня бундестренер Юрген Клинсман (Jürgen Klinsmann) назвал Йенса Лемана первым вратарём сборной.",
        ("Юрген Клинсман", "holdsPosition", "бундестренер @ None"),
    ),
    # "один из" and a plural post after a name
    (
        "Призёры отдали дань погибшему Эдуарду Мишлену, одному из президентов группы компаний Michelin.",
        ("Эдуард Мишлен", "holdsPosition", "президент группы компаний @ Michelin"),
    ),
    # a participle modifies a post after a name; an owner's word joined to a post is not the post
    (
        "В мероприятии примут участие исследователи, в том числе, Крис Хелмбрехт - управляющий директор и "
        "совладелец креативного агентства Kollektiv (Германия, США), Ннека Угбома - руководитель проекта.",
        ("Крис Хелмбрехт", "holdsPosition", "директор @ Kollektiv"),
    ),
    (
        "О том, что телеканал должен ему 8 млн рублей, заявил бывший глава Русской винно-водочной компании "
        "и совладелец WFC Артур Перепёлкин.",
        ("Артур Перепелкин", "holdsPosition", "бывший глава @ Русская винно-водочная компания"),
    ),
    # a founder is tied to what he founded (fg:founderOf), with no post in it
    (
        "Основатель MySQL Майкл Видениус заявил, что выступает против сделки.",
        ("Майкл Видениус", "founderOf", "MySQL"),
    ),
    # coordinated posts after a clause's words: each post from its own noun
    (
        "Сегодня ушел из жизни известный писатель-фронтовик и общественный деятель Юрий Васильевич Бондарев.",
        ("Юрий Васильевич Бондарев", "holdsPosition", "известный писатель-фронтовик @ None"),
    ),
    # where one comes from, set off by commas, is skipped: the post before it is the name's
    (
        "Писатель-фронтовик и общественный деятель, уроженец города Орска Юрий Бондарев умер в Москве.",
        ("Юрий Бондарев", "holdsPosition", "общественный деятель @ None"),
    ),
    # a word of origin right before the name stands between it and its post
    (
        "Министр иностранных дел Чехии немец Карл Шварценберг констатировал, что Чехия не стала западной страной.",
        ("Карл Шварценберг", "affiliatedWith", "Чехия"),
    ),
    # an ordinal in digits takes the post's nominative too
    (
        "Его сын Джордж Буш-младший стал 43-м президентом США.",
        ("Джордж Буш-младший", "holdsPosition", "43-й президент @ США"),
    ),
    # an acting holder's post: "исполнять обязанности" a post in the genitive
    (
        "Ларс Расмуссен будет исполнять обязанности главы правительства Дании.",
        ("Ларс Расмуссен", "holdsPosition", "глава @ Правительство Дании"),
    ),
    (
        "Виктор Басаргин исполняет обязанности губернатора Пермского края.",
        ("Виктор Басаргин", "affiliatedWith", "Пермский край"),
    ),
    (
        "Иван Петров назначен исполняющим обязанности ректора ТУСУРа.",
        ("Иван Петров", "holdsPosition", f"исполняющий обязанности ректора @ {TUSUR}"),
    ),
    # the post a verb of dismissing takes from its object
    (
        "Путин снял Ивана Петрова с поста губернатора Томской области.",
        ("Иван Петров", "holdsPosition", "губернатор @ Томская область"),
    ),
    # a date after a post is not the post's
    (
        "Исполняющим обязанности министра транспорта Пермского края с 27 октября 2016 года назначен "
        "Сергей Постоловский.",
        ("Сергей Постоловский", "affiliatedWith", "Министерство транспорта Пермского края"),
    ),
    # a post set before the name with a comma
    (
        "Бывший член политбюро ЦК КПСС, Назарбаев получил 96 процентов голосов на выборах.",
        ("Назарбаев", "holdsPosition", "бывший член политбюро @ ЦК КПСС"),
    ),
    (
        "64-летний лидер гражданской инициативы «Свобода», Иванович считался умеренным политиком.",
        ("Иванович", "affiliatedWith", "Свобода"),
    ),
    # the one who takes over a post ("сменит его на посту") holds it
    (
        "На посту генерального директора Apple его сменит Тим Кук.",
        ("Тим Кук", "holdsPosition", "директор @ Apple"),
    ),
    # a post "будучи" one was
    (
        "Будучи игроком «Гэлакси», Бекхэм выступал за «Милан» на правах аренды.",
        ("Бекхэм", "holdsPosition", "игрок @ Гэлакси"),
    ),
    # a post one acts "в качестве" of, and one entered: "вступает в должность"
    (
        "Эштон Картер принёс присягу в качестве министра обороны США.",
        ("Эштон Картер", "holdsPosition", "министр обороны @ Министерство обороны США"),
    ),
    (
        "Хасан Рухани вступает в должность президента Ирана.",
        ("Хасан Рухани", "holdsPosition", "президент @ Иран"),
    ),
    # an age between the post and the name is not the post's
    (
        "Претендентами были действующий президент 89-летний Роберт Мугабе и глава оппозиции Морган Цвангираи.",
        ("Роберт Мугабе", "holdsPosition", "президент @ None"),
    ),
    # a post the parser puts the name in apposition to, when the tagger gives them different cases
    (
        "Бекхэм женат на вокалистке Spice Girls Виктории Адамс.",
        ("Виктория Адамс", "holdsPosition", "вокалистка @ Spice Girls"),
    ),
    # the words from the post the parser puts the name in apposition to, a word between mistagged
    (
        "Лидер рок-группы «Алиса» Константин Кинчев родился в Москве.",
        ("Константин Кинчев", "affiliatedWith", "Алиса"),
    ),
    # a fashion model is a profession
    (
        "В автомобиле находилась модель Christian Dior Наталья Кошель.",
        ("Наталья Кошель", "affiliatedWith", "Christian Dior"),
    ),
    # a few institutions a bare noun names on its own: "сотрудники полиции"
    (
        "Его жертвами стали сотрудники полиции Люсиль Гарсия и Сорайя Белкакеми.",
        ("Сорайя Белкакеми", "affiliatedWith", "Полиция"),
    ),
    # an organisation named by a common noun under a post: "военно-морской разведки"
    (
        "Офицер военно-морской разведки Джеффри Дилайл не обнаружил особых знаков волнения.",
        ("Джеффри Дилайл", "affiliatedWith", "Военно-морская разведка"),
    ),
    # joining a board of an organisation is joining the organisation
    (
        "Иван Петров вошел в совет директоров «Газпрома».",
        ("Иван Петров", "affiliatedWith", "Газпром"),
    ),
    # a word of kinship in apposition, far from the name, is the subject the name stands for; the word
    # itself, capitalised at the start, is no person
    (
        "Внук бывшего президента - ныне госсоветника Татарстана Минтимера Шаймиева Тимур Шаймиев занял пост "
        "генерального директора в нефтедобывающей компании «МНКТ».",
        ("Тимур Шаймиев", "affiliatedWith", "МНКТ"),
    ),
    # a word of origin in apposition is the subject the name stands for
    (
        "Британец Джон Смит работал в компании Google.",
        ("Джон Смит", "affiliatedWith", "Google"),
    ),
    # a compound with a word that is no post names the post it holds: "женщина-президент" is a "президент"
    (
        "Вероника Мишель Бачелет Хериа — первая женщина-президент Чили.",
        ("Вероника Мишель Бачелет Хериа", "holdsPosition", "первая президент @ Чили"),
    ),
    # "врио", "и. о.": an acting post, the post in the genitive after it
    (
        "Иван Петров назначен врио ректора Томского государственного университета.",
        (
            "Иван Петров",
            "holdsPosition",
            "исполняющий обязанности ректора @ Томский государственный университет",
        ),
    ),
    # the same under an office noun: "пост врио …", "пост и. о. …"; "заступить на пост" is taking it
    (
        "Иван Петров назначен на пост и. о. губернатора Томской области.",
        ("Иван Петров", "holdsPosition", "исполняющий обязанности губернатора @ Томская область"),
    ),
    (
        "Иван Петров покинул пост врио министра финансов России.",
        (
            "Иван Петров",
            "holdsPosition",
            "исполняющий обязанности министра финансов @ Министерство финансов Российской Федерации",
        ),
    ),
    (
        "В 2019 году Андрей Иванов заступил на пост главы Новосибирска.",
        ("Андрей Иванов", "holdsPosition", "глава @ Новосибирск"),
    ),
    (
        "Андрей Пономарев назначен и.о. заместителя губернатора Брянской области по экономике.",
        ("Андрей Пономарев", "affiliatedWith", "Брянская область"),
    ),
    # a ministry's name ends where its fields do: not at a clause after a preposition or a second post
    (
        "До мая 2010 года пост министра торговли Великобритании в правительстве лейбористов занимал Мервин Дэвис.",
        ("Мервин Дэвис", "affiliatedWith", "Министерство торговли Великобритании"),
    ),
    (
        "Сергей Постоловский назначен и. о. министра транспорта Пермского края вместо Алмаза Закиева.",
        ("Сергей Постоловский", "affiliatedWith", "Министерство транспорта Пермского края"),
    ),
    # an honorary title of a country is the role, with no organisation; "народный депутат" is still a post
    (
        "В Москве на 81-м году жизни скончалась народная артистка СССР Людмила Зыкина.",
        ("Людмила Зыкина", "holdsPosition", "народная артистка СССР @ None"),
    ),
    (
        "Заслуженный мастер спорта России Дмитрий Аленичев ушёл в отставку.",
        ("Дмитрий Аленичев", "holdsPosition", "заслуженный мастер спорта России @ None"),
    ),
    (
        "Встречу провёл народный депутат Украины Мустафа Джемилев.",
        ("Мустафа Джемилев", "affiliatedWith", "Украина"),
    ),
    # a minister of no named territory keeps the post, with no ministry: "Министерство здравоохранения"
    # alone would gather every country's minister on one node
    (
        "Министр здравоохранения Мэтт Хэнкок заразился вирусом.",
        ("Мэтт Хэнкок", "holdsPosition", "министр здравоохранения @ None"),
    ),
    (
        "Министр финансов США Джек Лью выступил в Сенате.",
        ("Джек Лью", "holdsPosition", "министр финансов @ Министерство финансов США"),
    ),
    # "… РФ" is the gazetteer's federal ministry
    (
        "Министр науки и высшего образования РФ Валерий Фальков посетил ТУСУР.",
        (
            "Валерий Фальков",
            "affiliatedWith",
            "Министерство науки и высшего образования Российской Федерации",
        ),
    ),
    # a country after "из" in a post is where its holders come from: the post stays, with no organisation
    (
        "Награды удостоены учёные из США Джеймс Ротман, Рэнди Шекман и Томас Зюдхоф.",
        ("Джеймс Ротман", "holdsPosition", "ученый @ None"),
    ),
]

NOT_FACTS = [
    # a veteran of a war holds no post in the country of the war
    (
        "Габбард, являющаяся ветераном войны в Ираке, построила кампанию.",
        ("Габбард", "holdsPosition", "ветеран войны @ Ирак"),
    ),
    # "был назначен" is not what a woman was
    (
        "Мария Иванова родилась в Томске. В 2005 году был назначен ректором ТУСУРа.",
        ("Мария Иванова", "holdsPosition", f"ректор @ {TUSUR}"),
    ),
    # a place in parentheses after a name is no organisation of the person
    ("Как сообщил Иван Петров (Москва) Сергей Смирнов уехал.", ("Иван Петров", "affiliatedWith", "Москва")),
    # a genitive name after a word that is no post agreeing with the next name is no complement
    (
        "Внук бывшего президента - ныне госсоветника Татарстана Минтимера Шаймиева Тимур Шаймиев занял пост.",
        ("Тимур Шаймиев", "holdsPosition", "госсоветник @ Республика Татарстан"),
    ),
    # a post noun after two people names neither
    (
        "Владимир Путин встретился с Сергеем Ивановым. Президент заявил, что всё хорошо.",
        ("Сергей Иванов", "holdsPosition", "президент @ None"),
    ),
    # a post with words of its own names someone new
    (
        "Иван Петров приехал в Томск. Представитель партии заявил, что всё хорошо.",
        ("Иван Петров", "holdsPosition", "представитель @ партия"),
    ),
    # the story's person, named more often, is who a bare post stands for, not the one named last
    (
        "Полковник Квачков был задержан. Квачков отрицал вину. Об этом писал Анатолий Чубайс. "
        "Но полковник был снова задержан.",
        ("Анатолий Чубайс", "holdsPosition", "полковник @ None"),
    ),
    # "выступить" ties a person to an organisation only with "за"
    (
        "Иван Петров выступил в МГУ с лекцией.",
        ("Иван Петров", "affiliatedWith", "МГУ"),
    ),
    # "занял место в рейтинге журнала": the journal is no workplace
    (
        "Иван Петров занял первое место в рейтинге журнала Forbes.",
        ("Иван Петров", "affiliatedWith", "Forbes"),
    ),
    # "назначил его на должность": the office is the object's
    (
        "В 1986 году Папа Иоанн Павел II назначил его на должность архиепископа Ньюарка.",
        ("Иоанн Павел II", "holdsPosition", "архиепископ @ Ньюарк"),
    ),
    # a complement with a preposition is no part of an organisation
    (
        "Иван Петров работал над проектом для компании «Газпром».",
        ("Иван Петров", "affiliatedWith", "Газпром"),
    ),
    # an honorary title in apposition is no post in the country
    (
        "18 мая 2019 года народный артист России, дирижёр Валерий Гергиев выступил.",
        ("Валерий Гергиев", "affiliatedWith", "Россия"),
    ),
    # a post followed by a parenthesis and a name is that name's
    (
        "Главными авторами предложения стали профессор экономики этого же университета Антони Доменеч "
        "(Antoni Domènech), профессор экономики и предпринимательства, Президент Сети базовой ренты "
        "(Red Renta Básica) Даньел Равентос (Daniel Raventós) и Льюис Торренс.",
        ("Антони Доменеч", "holdsPosition", "президент @ Сеть базовая рента"),
    ),
    # a founder or owner holds no post
    (
        "Основатель MySQL Майкл Видениус заявил, что выступает против сделки.",
        ("Майкл Видениус", "holdsPosition", "основатель @ MySQL"),
    ),
    # … and is not affiliatedWith it: founding or owning is no workplace
    (
        "Основатель MySQL Майкл Видениус заявил, что выступает против сделки.",
        ("Майкл Видениус", "affiliatedWith", "MySQL"),
    ),
    (
        "Главным владельцем Facebook является её основатель Марк Цукерберг.",
        ("Марк Цукерберг", "holdsPosition", "основатель @ None"),
    ),
    # a compound of a word that is no post is no post: "экс-кандидат" is a "кандидат"
    (
        "Судом Минска экс-кандидат в президенты Беларуси Андрей Санников был приговорен к 5 годам.",
        ("Андрей Санников", "holdsPosition", "бывший кандидат в президенты @ Республика Беларусь"),
    ),
    # a fan is no post
    (
        "К бульвару, где болельщика «Спартака» Егора Свиридова убили в драке, пришли люди.",
        ("Егор Свиридов", "holdsPosition", "болельщик @ Спартак"),
    ),
    # the post of another name of a list is not the last name's
    (
        "Полпред президента РФ в Северо-Кавказском федеральном округе Александр Хлопонин, представители Госдумы "
        "России, председатель Совета муфтиев России шейх Равиль Гайнутдин приняли участие в событии.",
        ("Равиль Гайнутдин", "holdsPosition", "полпред президента @ Россия"),
    ),
    # a name the post governs, with the post's words going on after it, does not hold the post
    (
        "Помощник Хиллари Клинтон по европейским и евразийским делам, который в среду посетил Белград, "
        "заявил, что дверь для Сербии не закрыта.",
        ("Хиллари Клинтон", "holdsPosition", "помощник @ None"),
    ),
    # a bare post as the subject: not a man's when its verb is feminine
    (
        "Андрей Санников был приговорен к 5 годам лишения свободы. Согласно сообщению агентства, судья "
        "заявила, что беспорядки были организованы.",
        ("Андрей Санников", "holdsPosition", "судья @ None"),
    ),
    # … nor the one named before when the sentence names someone in the nominative after it
    (
        "Валентин Иванов будет судить матчи чемпионата. В последний раз российский судья участвовал в "
        "чемпионате мира 1998 года, это был Николай Левников.",
        ("Валентин Иванов", "holdsPosition", "судья @ Россия"),
    ),
    # … nor a name quoted in the sentence: "говорит скульптор" after someone's words about Ельцин
    (
        "Скульптор Георгий Франгулян соорудил памятный мотив. Работа очень понравилась вдове. Обелиск тоже "
        "поручили этому художнику. Мрамор выбран как материал. «Это глыба, которой и был Борис Николаевич "
        "Ельцин», — говорит скульптор.",
        ("Борис Николаевич Ельцин", "holdsPosition", "скульптор @ None"),
    ),
    # a bare noun after a post with no organisation of that noun before it is no new organisation
    (
        "С 2006 года Андрей Варичев работал коммерческим директором компании.",
        ("Андрей Варичев", "affiliatedWith", "Компания"),
    ),
    (
        "Путин уволил двух генералов полиции по делу Голунова.",
        ("Голунов", "affiliatedWith", "Полиция"),
    ),
    # "нового клуба": a club named elsewhere, not a "Новый клуб"
    (
        'По словам генерального директора нового клуба Николая Волошкина, днем рождения ФК "Тамбов" '
        "можно считать 12 июня.",
        ("Николай Волошкин", "affiliatedWith", "Новый клуб"),
    ),
    # a country after "в" in a post is where the holder serves, not whom
    (
        "Предполагается, что его место займёт посол Японии в Чехии Синдзи Харада.",
        ("Синдзи Харада", "affiliatedWith", "Чехия"),
    ),
    # a post with its organisation is not the person the same sentence names apart
    (
        "В среду в Зимбабве прошли выборы, на которых главным претендентом был президент Роберт Мугабе. "
        'Высокопоставленный представитель ZANU-PF заявил об уверенной победе Мугабе, который "похоронил" '
        "своих конкурентов.",
        ("Роберт Мугабе", "holdsPosition", "высокопоставленный представитель @ ZANU-PF"),
    ),
    # nor the post of the name right after it
    (
        "Коби Брайант погиб в авиакатастрофе. Нападающий «ПСЖ» Неймар посвятил ему гол в матче с «Лиллем».",
        ("Коби Брайант", "affiliatedWith", "ПСЖ"),
    ),
    # an object with a name below it: the name is the organisation, not the board
    (
        "В 2005 году Андрей Варичев возглавил совет директоров «Газпрома».",
        ("Андрей Варичев", "affiliatedWith", "Совет директоров"),
    ),
    # "в качестве" set off by commas is hung on the wrong verb as often as not
    (
        "Кирсана Илюмжинова поддерживают 40 шахматных федераций. Из западных стран, его поддерживает только "
        "Греция, так как Илюмжинов перевёл штаб-квартиру ФИДЕ в Афины и в его команду, в качестве первого "
        "заместителя, входит Георгиос Макрополус.",
        ("Кирсан Илюмжинов", "holdsPosition", "первый заместитель @ None"),
    ),
    # an age is not a part of the organisation before it, nor a time of a team
    (
        "Бывший полковник ГРУ 66-летний Сергей Скрипаль был найден в Солсбери.",
        ("Сергей Скрипаль", "affiliatedWith", "ГРУ 66-летний"),
    ),
    (
        "Таким образом, первый вратарь сборной последних лет, Оливер Кан будет запасным вратарём.",
        ("Оливер Кан", "affiliatedWith", "Сборная последних лет"),
    ),
    # an age is no ordinal
    (
        "64-летний лидер гражданской инициативы «Свобода», Иванович считался умеренным политиком.",
        ("Иванович", "holdsPosition", "64-й лидер гражданской инициативы @ Свобода"),
    ),
    # "из" a country between a post and a name is where one is from
    (
        "Новым чемпионом Европы стал гроссмейстер из Хорватии Зденко Кожул.",
        ("Зденко Кожул", "affiliatedWith", "Хорватия"),
    ),
    # the post agreeing with the name wins over the one the parser puts it in apposition to
    (
        "Однако пресс-секретарь президента Альфредо Скоссимарро заявил.",
        ("Альфредо Скоссимарро", "holdsPosition", "президент @ None"),
    ),
    # a name under the words after a plural post is no member of its list; a rank is no army
    (
        "Путин уволил двух генералов полиции по делу Голунова.",
        ("Голунов", "holdsPosition", "генерал @ Полиция"),
    ),
    (
        "Ему на смену пришел генерал армии Николай Макаров.",
        ("Николай Макаров", "affiliatedWith", "Армия"),
    ),
    # where one comes from is no post, and its city no employer
    (
        "Писатель-фронтовик и общественный деятель, уроженец города Орска Юрий Бондарев умер в Москве.",
        ("Юрий Бондарев", "holdsPosition", "уроженец города @ Орск"),
    ),
    (
        "Писатель-фронтовик и общественный деятель, уроженец города Орска Юрий Бондарев умер в Москве.",
        ("Юрий Бондарев", "affiliatedWith", "Орск"),
    ),
    (
        "Его отец, 97-летний Стэнли Хо, потомок голландского еврея и выходец из Гонконга, разбогател.",
        ("Стэнли Хо", "affiliatedWith", "Гонконг"),
    ),
    (
        "Американец венгерского происхождения Чарльз Симони полетел в космос.",
        ("Чарльз Симони", "holdsPosition", "американец происхождения @ None"),
    ),
    (
        "В Москве на 81-м году жизни скончалась народная артистка СССР Людмила Зыкина.",
        ("Людмила Зыкина", "affiliatedWith", "СССР"),
    ),
    (
        "Министр здравоохранения Мэтт Хэнкок заразился вирусом.",
        ("Мэтт Хэнкок", "affiliatedWith", "Министерство здравоохранения"),
    ),
    (
        "Награды удостоены учёные из США Джеймс Ротман, Рэнди Шекман и Томас Зюдхоф.",
        ("Джеймс Ротман", "affiliatedWith", "США"),
    ),
]


test_fact, test_not_fact = fact_tests(POSITIVE, NOT_FACTS, lambda f: f"{f[0]}:{f[2]}")


def test_unnamed_body_is_the_articles_own(extract_ru_text):
    """ "Палестинская делегация" of one article is not that of another: the node's identity holds the text."""
    sentence = "Глава палестинской делегации на переговорах Саеб Эрекат призвал ООН ответить."
    idents = []
    for text in (sentence, sentence + " Переговоры продолжатся."):
        ext, facts = extract_ru_text(text)
        assert ("Саеб Эрекат", "affiliatedWith", "Палестинская делегация") in facts, sorted(facts)
        idents += [e.ident for e in ext.entities if e.name == "Палестинская делегация"]
    assert len(idents) == 2 and idents[0] != idents[1]


def test_compound_with_no_post_word_is_no_post(extract_ru_text):
    """ "экс-кандидат" is still a "кандидат", which is no post, while "женщина-президент" is a post."""
    _, found = extract_ru_text("Экс-кандидат в президенты Иван Петров выступил на митинге.")
    assert not [f for f in found if f[1] == "holdsPosition"], sorted(found)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("На пост министра внутренних дел в техническом кабинете Руснока готовят Мартина Пецина.", "Руснок"),
        (
            "Суга занимал пост министра внутренних дел в предыдущем кабинете Синдзо Абэ до 2007 года.",
            "Синдзо Абэ",
        ),
    ],
)
def test_owner_of_a_prepositional_noun_holds_no_post(extract_ru_text, text, owner):
    """A name in the genitive on the noun of a prepositional phrase owns that noun ("в кабинете Руснока");
    it holds no post written left of it."""
    _, found = extract_ru_text(text)
    assert not [f for f in found if f[0] == owner and f[1] in ("holdsPosition", "affiliatedWith")], sorted(
        found
    )


def test_post_of_a_relative_is_not_the_names(extract_ru_text):
    """A name whose words disagree in case takes the case of the noun it is in apposition to: "супруга
    экс-президента Чехии Ливия Клаусова" is the wife (Nom), the post in the genitive is her husband's."""
    _, found = extract_ru_text("В Словакию должна отправиться супруга экс-президента Чехии Ливия Клаусова.")
    assert not [f for f in found if f[0] == "Ливия Клаусова" and f[1] == "holdsPosition"], sorted(found)
