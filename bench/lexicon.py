"""The fixed word stock the generator draws on: written for this benchmark, not taken from any archive.

Real words give the minutes their register (policing and governance); the
generator adds thousands of pronounceable pseudo-words to them, so the search
index meets a vocabulary as large as a real archive's.
"""

# Policing and governance words, roughly most frequent first: the generator gives
# them the top Zipf ranks, so they dominate the text as they would in real minutes.
DOMAIN_WORDS = """
force police policing crime performance update report plan officers staff data review
victims public confidence partnership budget risk demand custody response investigation
strategy training recruitment inspection assurance delivery board executive commissioner
constable community communities safeguarding domestic abuse violence offences offenders
arrests outcomes recording compliance resources funding savings estates technology digital
fleet vehicles roads collisions casualties speeding enforcement drugs alcohol exploitation
children vulnerable missing mental health wellbeing sickness absence workforce diversity
equality inclusion complaints misconduct standards professional ethics integrity scrutiny
accountability governance audit committee panel minutes agenda action actions progress
quarter quarterly annual monthly figures trend increase decrease reduction improvement
position priorities priority objectives measures targets baseline benchmark comparison
national regional local area areas alliance collaboration partners council councils
authority authorities agencies agency service services provision capacity capability
contact calls emergency incidents attendance times deployment patrol neighbourhood
teams team officers' sergeants inspectors detectives specials volunteers cadets
probation courts prosecution charging files case cases backlog timeliness quality
satisfaction survey feedback engagement consultation communication media social
reputation operational opportunities risks threats harm threat serious organised
county lines fraud cyber online economic rural wildlife heritage hate stalking
harassment coercive control sexual rape assault burglary robbery theft shoplifting
vehicle criminal damage antisocial behaviour nuisance knife weapons firearms
licensing night economy events protest demonstration operation operations exercise
command control room centre systems system software upgrade implementation project
programme projects milestones business case benefits costs cost value money efficiency
productivity overtime shifts rotas leave welfare occupational support peer mentors
leadership development promotion talent apprenticeship degree entry route pathway
uplift establishment vacancies retention turnover leavers joiners representation
female black minority ethnic disability disabled age gender race religion belief
stop search powers body worn video cameras footage evidence disclosure forensic
laboratory samples submissions turnaround intelligence analysis analysts insight
problem solving prevention early intervention diversion restorative justice victim
witness care unit referrals hub multi agency safeguarding hubs assessments tools
checklist guidance policy policies procedure procedures legislation act home office
inspectorate recommendations areas for improvement cause concern findings lessons
learned debrief review reviews audit audits assurance testing reality check sample
dip evaluation pilot trial rollout rolled out scheme schemes initiative initiatives
grant grants bid bids commissioning commissioned contract contracts procurement tender
supplier suppliers framework estate buildings stations custody suites refurbishment
disposal disposals capital revenue reserves precept council tax medium term financial
forecast outturn variance overspend underspend efficiency savings collaboration
transformation change design model operating structure restructure consultation
""".split()

# Words that carry no topic; every sentence needs them, and search treats most as stop words.
FUNCTION_WORDS = """
the the the the of of of and and and to to to in in a a for for that is was
on with as by be had has have are were it this from at which not been would
will should could their its an or all more also further any each other than
""".split()

DETERMINERS = "the the the a this each every its their our".split()
PREPOSITIONS = "of in for across within against under between through about from with".split()

# Verbs for who-said-what openings, so the text reads as minutes do.
REPORTING_VERBS = (
    "asked confirmed noted explained reported advised agreed queried stated updated highlighted acknowledged".split()
)
ACTION_VERBS = "provide review share circulate present update confirm report prepare evaluate arrange consider".split()
LINK_VERBS = ["shows", "has been", "remains", "will be", "is being", "was", "is not yet", "had been"]

# Syllable parts for pseudo-words: enough combinations for tens of thousands of distinct words.
ONSETS = "b b c d d f g h k l l m m n n p r r s s t t v w b bl br ch cl cr dr fl fr gr pl pr sh sl sp st th tr".split()
NUCLEI = "a e i o u a e i o a e o ai ea ee oo ou".split()
CODAS = ["", "", "", "n", "r", "l", "s", "t", "m", "nd", "st", "rk", "ng", "ll", "nt", "ck", "sh", "th"]

FIRST_NAMES = """
Amanda Anthony Alan Beverley Carl Claire Daniel Deborah Edward Elaine Fiona Gareth Hannah
Ian Joanne Julian Karen Kevin Louise Mark Michelle Neil Nicola Oliver Pauline Rachel Richard
Sarah Simon Tessa Thomas Una Victor Wendy William Yvonne Zoe Martin Helen Graham Lydia
""".split()
LAST_NAMES = """
Ashworth Bellamy Carrington Dalton Ellison Fairbairn Gladwin Hargreaves Ingram Jessop Kendrick
Lambourne Marchant Northcott Oakley Pemberton Quarrie Radcliffe Sherwood Thornbury Underhill
Vickers Wainwright Yardley Ackroyd Bramwell Cotterill Dunmore Everett Fenwick Goodall Hollins
Ibbotson Jarvis Kingsley Latimer Mowbray Nettleton Osborne Prendergast
""".split()

# (role as minuted, abbreviation), most senior first; holders move up this list over time.
ROLES = [
    ("Police and Crime Commissioner", "PCC"),
    ("Deputy Police and Crime Commissioner", "DPCC"),
    ("Chief Constable", "CC"),
    ("Deputy Chief Constable", "DCC"),
    ("Assistant Chief Constable", "ACC"),
    ("Assistant Chief Officer", "ACO"),
    ("Chief Executive Officer, OPCC", "CEX"),
    ("Treasurer, OPCC", "T"),
    ("Chief Superintendent", "Ch Supt"),
    ("Head of Performance", "HoP"),
    ("Director of Commissioning", "DoC"),
    ("Head of Communications", "HoC"),
    ("Superintendent", "Supt"),
    ("Detective Chief Inspector", "DCI"),
    ("Head of Estates", "HoE"),
    ("Head of Business Change", "HoBC"),
]
MINUTE_TAKER_ROLE = "Policy Officer, OPCC"

# (slug, name, description): the controlled list of themes.
THEMES = [
    ("roads-policing", "Roads policing", "Road safety, collisions, casualties and enforcement on the roads."),
    (
        "serious-organised-crime",
        "Serious and organised crime",
        "Organised crime groups, county lines and the regional response.",
    ),
    (
        "public-confidence",
        "Public confidence",
        "How far the public trusts the police, and the work to earn that trust.",
    ),
    ("victim-satisfaction", "Victim satisfaction", "The service victims receive and how satisfied they are with it."),
    (
        "workforce-wellbeing",
        "Workforce and wellbeing",
        "Recruitment, shifts, training, health and welfare of officers and staff.",
    ),
    ("equality-diversity", "Equality and diversity", "Fair treatment and a workforce that represents its communities."),
    ("performance", "Performance against the plan", "Measures of progress against the police and crime plan."),
    ("finance", "Finance and budget", "The budget, savings, reserves and the medium term financial plan."),
    ("estates", "Estates", "Police stations, custody suites and the buildings the force uses."),
    ("technology-digital", "Technology and digital", "Systems, software, devices and digital services."),
    ("domestic-abuse", "Domestic abuse", "Domestic abuse, coercive control and the support for those affected."),
    ("child-exploitation", "Child exploitation", "Protecting children from sexual and criminal exploitation."),
    ("mental-health", "Mental health", "People in mental health crisis and the partnership response."),
    ("rural-crime", "Rural crime", "Crime affecting farms, villages and the countryside."),
    ("custody", "Custody", "The safe and lawful detention of people in police custody."),
    ("stop-search", "Stop and search", "The fair and effective use of stop and search powers."),
    ("complaints-standards", "Complaints and standards", "Complaints, misconduct and professional standards."),
    ("inspection", "Inspection", "Inspectorate reports, their recommendations and progress on them."),
    ("partnership-working", "Partnership working", "Work with councils, health, probation and other partners."),
    (
        "contact-management",
        "Contact management",
        "Emergency and non-emergency calls, online contact and response times.",
    ),
    ("criminal-justice", "Criminal justice", "Charging, case files, courts and outcomes for victims."),
]

# Abbreviations the minutes use besides the role abbreviations.
GLOSSARY = [
    ("OPCC", "Office of the Police and Crime Commissioner"),
    ("ANPR", "Automatic Number Plate Recognition"),
    ("MASH", "Multi Agency Safeguarding Hub"),
    ("HMICFRS", "His Majesty's Inspectorate of Constabulary and Fire and Rescue Services"),
    ("KSI", "Killed or seriously injured"),
    ("VAP", "Violence against the person"),
    ("BWV", "Body worn video"),
    ("CSE", "Child sexual exploitation"),
    ("OCG", "Organised crime group"),
    ("ASB", "Antisocial behaviour"),
    ("MTFP", "Medium term financial plan"),
    ("LPA", "Local policing area"),
    ("PEQF", "Police Education Qualifications Framework"),
    ("CPS", "Crown Prosecution Service"),
    ("IOPC", "Independent Office for Police Conduct"),
    ("ICT", "Information and communications technology"),
    ("FCR", "Force control room"),
    ("PSD", "Professional Standards Department"),
    ("SIB", "Service Improvement Board"),
    ("DA", "Domestic abuse"),
    ("RASSO", "Rape and serious sexual offences"),
    ("NPCC", "National Police Chiefs' Council"),
    ("VRU", "Violence Reduction Unit"),
    ("IDVA", "Independent domestic violence adviser"),
]

# (meeting type as minuted, venues): a large archive holds several kinds of meeting.
MEETING_TYPES = [
    ("Monthly Assurance Meeting", ["PCC Conference Room Hindlip", "Meeting Room 1.38 Hindlip", "Virtual"]),
    ("Performance", ["Room 1.38", "Virtual"]),
    ("Estates Board", ["Estates Office, Hindlip", "Virtual"]),
    ("Ethics Committee", ["Conference Room 2, Worcester", "Virtual"]),
    ("Joint Audit Committee", ["Council Chamber, Shrewsbury", "Virtual"]),
]

# Agenda item titles that are not about a theme.
STANDING_ITEMS = [
    "Outstanding matters and actions from the previous meeting",
    "Operational and reputational opportunities and risks",
    "Chief Officer meeting and Executive Board update",
    "Any other business",
]
ITEM_SUFFIXES = [
    "update",
    "quarterly report",
    "assurance report",
    "progress against the plan",
    "review",
    "position statement",
]
SUB_HEADINGS = ["Findings", "Assurance sought", "Discussion", "Lessons learned", "Next steps", "Risks and issues"]
