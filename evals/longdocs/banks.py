"""Word banks for the plan of actions, the equipment list and the diagnostic indicators."""
from __future__ import annotations

DOMAINS_CORE = ["petite enfance", "jeunesse", "parentalité"]
DOMAINS_EXTRA = [
    "enfance", "accès aux droits", "logement", "animation de la vie sociale", "inclusion numérique",
    "handicap", "mobilité", "insertion sociale et professionnelle", "accompagnement des séniors",
]

# Axis (strategic orientation) per domain, then action titles; {seat} and {c} are communes.
AXES = {
    "petite enfance": "Développer et adapter l'offre d'accueil du jeune enfant",
    "enfance": "Structurer une offre de loisirs éducatifs de qualité pour les 3-11 ans",
    "jeunesse": "Accompagner les jeunes vers l'autonomie et la participation citoyenne",
    "parentalité": "Soutenir les parents dans leur rôle éducatif",
    "accès aux droits": "Garantir à chaque famille un accès effectif à ses droits",
    "logement": "Favoriser l'accès et le maintien dans un logement décent",
    "animation de la vie sociale": "Renforcer le lien social et la participation des habitants",
    "inclusion numérique": "Réduire la fracture numérique des familles",
    "handicap": "Améliorer l'inclusion des enfants en situation de handicap",
    "mobilité": "Lever les freins à la mobilité des familles et des jeunes",
    "insertion sociale et professionnelle": "Concilier vie familiale et parcours d'insertion",
    "accompagnement des séniors": "Prévenir l'isolement des personnes âgées et des aidants",
}
ACTIONS = {
    "petite enfance": [
        "Créer une micro-crèche de 12 places à {c}", "Étendre les horaires du multi-accueil de {seat}",
        "Conforter le relais petite enfance itinérant", "Accompagner l'installation de maisons d'assistants maternels",
        "Mettre en place un guichet unique des modes d'accueil", "Développer l'accueil en horaires atypiques",
        "Former les professionnels de la petite enfance à l'éveil culturel",
    ],
    "enfance": [
        "Harmoniser les tarifs des accueils de loisirs", "Ouvrir un accueil de loisirs le mercredi à {c}",
        "Élaborer un projet éducatif de territoire commun", "Développer les séjours courts en été",
        "Renforcer l'accompagnement à la scolarité", "Créer un plan mercredi intercommunal",
    ],
    "jeunesse": [
        "Créer un espace jeunes à {c}", "Déployer des promeneurs du net", "Soutenir les projets portés par les jeunes",
        "Mettre en place un conseil intercommunal des jeunes", "Organiser un forum des jobs d'été",
        "Développer le BAFA citoyen", "Ouvrir un point information jeunesse à {seat}",
    ],
    "parentalité": [
        "Ouvrir un lieu d'accueil enfants-parents à {seat}", "Organiser des cafés des parents itinérants",
        "Structurer le réseau parentalité du territoire", "Proposer des ateliers parents-enfants le samedi",
        "Accompagner les parents d'adolescents", "Créer une ludothèque itinérante",
        "Développer la médiation familiale de proximité",
    ],
    "accès aux droits": [
        "Labelliser un espace France services à {c}", "Former les agents d'accueil aux droits Caf",
        "Organiser des rendez-vous des droits en mairie", "Déployer une permanence numérique Caf",
        "Lutter contre le non-recours aux prestations",
    ],
    "logement": [
        "Repérer les logements non décents", "Créer un guichet habitat pour les jeunes",
        "Accompagner les familles menacées d'expulsion", "Développer l'offre de logements temporaires",
    ],
    "animation de la vie sociale": [
        "Agréer un espace de vie sociale à {c}", "Renouveler le projet social du centre social",
        "Soutenir les initiatives des habitants", "Créer un tiers-lieu familles à {c}",
        "Développer le bénévolat associatif",
    ],
    "inclusion numérique": [
        "Recruter un conseiller numérique", "Organiser des ateliers numériques pour les parents",
        "Équiper les lieux d'accueil en postes en libre accès",
    ],
    "handicap": [
        "Créer un pôle ressources handicap", "Former les animateurs à l'accueil des enfants en situation de handicap",
        "Financer des renforts d'encadrement en accueil de loisirs",
    ],
    "mobilité": [
        "Mettre en place un transport à la demande vers les accueils de loisirs",
        "Créer une plateforme de covoiturage solidaire", "Aider au passage du permis des 18-25 ans",
    ],
    "insertion sociale et professionnelle": [
        "Réserver des places en crèche aux parents en insertion", "Organiser des ateliers garde d'enfants et emploi",
        "Accompagner les familles monoparentales vers l'emploi",
    ],
    "accompagnement des séniors": [
        "Créer un réseau de visiteurs bénévoles", "Développer des actions intergénérationnelles",
        "Soutenir les aidants familiaux",
    ],
}
PILOTS = [
    "Service petite enfance", "Service jeunesse", "Coordination CTG", "CCAS",
    "Centre social {cs}", "France services", "Service enfance", "Mission locale",
    "Service habitat", "Pôle solidarités", "Maison des solidarités", "Espace de vie sociale",
    "Direction de l'éducation", "Service vie associative", "Relais petite enfance",
]
PARTNERS = [
    "Caf, Département", "Caf, MSA, communes", "Caf, Éducation nationale", "Caf, associations",
    "Département, CCAS", "Caf, Mission locale", "MSA, Département, Caf", "Caf, bailleurs sociaux",
    "Communes, centres sociaux", "Caf, CPAM, France services", "Caf, PMI", "Caf, collèges",
]
DEADLINES = ["{y}", "{y}", "{y}", "S1 {y}", "S2 {y}", "T1 {y}", "T3 {y}",
             "Juin {y}", "Sept. {y}", "Déc. {y}"]
PUBLICS = [
    "familles avec enfants de moins de 6 ans", "jeunes de 11 à 17 ans", "jeunes de 16 à 25 ans",
    "parents d'enfants scolarisés", "familles monoparentales", "assistants maternels",
    "habitants des communes rurales", "enfants de 3 à 11 ans", "familles allocataires",
    "aidants et personnes âgées", "professionnels de l'enfance",
]
INDICATORS = [
    "nombre de familles accompagnées", "taux de fréquentation", "nombre de places créées",
    "nombre d'ateliers organisés", "nombre de jeunes impliqués", "taux de satisfaction des familles",
    "nombre de partenaires mobilisés", "nombre de rendez-vous réalisés",
]
EQUIPMENTS = [
    ("Multi-accueil", ["Les Petits Loups", "Pomme d'Api", "Les Lucioles", "Les Câlinous", "La Farandole"], "{n} places"),
    ("Micro-crèche", ["Les Bout'chous", "Les Doudous", "Les Petits Pas"], "{n} places"),
    ("Accueil de loisirs", ["Les Castors", "La Récré", "Les Copains d'abord", "L'Île aux enfants"], "{n} places"),
    ("Relais petite enfance", ["du Pays de {seat}", "Les Bambins"], "{n} assistants maternels"),
    ("Espace jeunes", ["Le Spot", "La Station", "L'Escale"], "{n} jeunes inscrits"),
    ("Lieu d'accueil enfants-parents", ["La Parenthèse", "Le Petit Nid", "Premiers Pas"], "{n} familles"),
    ("Centre social", ["{cs}"], "{n} adhérents"),
    ("Espace de vie sociale", ["La Grange", "Le Lien", "La Passerelle"], "{n} adhérents"),
]
MANAGERS = ["Intercommunalité", "Commune", "Association Familles Rurales", "Mutualité française",
            "Association Léo Lagrange", "Association locale", "Ufcv", "Centre social associatif"]
SOCIAL_CENTRES = ["Les Tilleuls", "La Marelle", "L'Arche", "Le Chêne", "Les Tisserands", "La Source"]

# Diagnostic indicators: label, territory value format, plausible range.
DIAGNOSTIC = [
    ("Nombre d'allocataires Caf", "int", (900, 9000)),
    ("Part des familles monoparentales", "pct", (12, 28)),
    ("Taux de couverture en accueil du jeune enfant", "pct", (38, 82)),
    ("Naissances domiciliées (moyenne annuelle)", "int", (60, 420)),
    ("Part des moins de 20 ans", "pct", (18, 27)),
    ("Allocataires à bas revenus", "pct", (20, 41)),
    ("Bénéficiaires de la prime d'activité", "int", (300, 3500)),
    ("Foyers bénéficiaires du RSA", "int", (80, 1400)),
    ("Bénéficiaires de l'AAH", "int", (60, 900)),
    ("Enfants bénéficiaires de l'AEEH", "int", (15, 260)),
    ("Places en établissements d'accueil du jeune enfant", "int", (20, 380)),
    ("Assistants maternels agréés", "int", (25, 340)),
    ("Taux de chômage des 15-24 ans", "pct", (14, 31)),
    ("Part des 75 ans et plus", "pct", (8, 16)),
    ("Familles de trois enfants et plus", "pct", (11, 24)),
    ("Allocataires d'une aide au logement", "int", (300, 4200)),
]
QUARTERS = ["Centre-ville", "Les Tilleuls", "Le Haut-Bourg", "La Gare", "Les Prés Fleuris",
            "Le Moulin", "Les Charmilles", "La Croix-Blanche", "Bel-Air", "Les Vignes"]
PRESENT_ROLES = [
    ("vice-présidente chargée de l'enfance et de la jeunesse", "vice-président chargé de l'enfance et de la jeunesse", "terr"),
    ("administratrice de la Caf", "administrateur de la Caf", "caf"),
    ("conseillère départementale du canton", "conseiller départemental du canton", "dep"),
    ("sous-préfète de l'arrondissement", "sous-préfet de l'arrondissement", "state"),
]
