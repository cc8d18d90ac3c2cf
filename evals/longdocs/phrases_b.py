"""French sentence banks, part two: diagnostic prose per field of intervention (same slots as part one)."""
from __future__ import annotations

THEMES = {
    "petite enfance": [
        "L'offre d'accueil du jeune enfant repose principalement sur les assistants maternels, dont le "
        "nombre diminue sous l'effet des départs en retraite.",
        "Les établissements d'accueil collectif sont concentrés à {seat}, ce qui oblige de nombreuses "
        "familles à parcourir des distances importantes.",
        "Les parents expriment des besoins d'accueil en horaires décalés, en particulier dans les secteurs "
        "de l'aide à domicile et de l'industrie agroalimentaire.",
        "Le relais petite enfance joue un rôle central d'information des familles et de professionnalisation "
        "des assistants maternels.",
        "Les listes d'attente du multi-accueil témoignent d'une tension persistante sur l'accueil des enfants "
        "de moins de trois ans.",
        "Les familles les plus modestes recourent moins que les autres aux modes d'accueil formels.",
        "Les professionnels soulignent la difficulté à recruter des auxiliaires de puériculture et des "
        "éducateurs de jeunes enfants.",
        "Une attention particulière est portée à l'accueil des enfants dont les parents suivent un parcours "
        "d'insertion professionnelle.",
        "Le projet de micro-crèche à {c1} répond à une demande exprimée de longue date par les familles du secteur.",
    ],
    "enfance": [
        "Les accueils de loisirs du mercredi et des vacances scolaires connaissent une fréquentation en hausse.",
        "Les tarifs et les horaires diffèrent d'une structure à l'autre, ce qui nuit à la lisibilité de l'offre.",
        "Les communes de {c2} et de {c3} ne disposent d'aucun accueil de loisirs et dépendent des structures voisines.",
        "Le transport des enfants vers les lieux d'activités constitue un frein important pour les familles.",
        "Les activités périscolaires sont organisées par les communes avec des moyens très inégaux.",
        "La qualité éducative des accueils repose sur des équipes d'animation dont la stabilité reste fragile.",
        "Un projet éducatif de territoire permettrait de fédérer les acteurs autour d'objectifs partagés.",
    ],
    "jeunesse": [
        "Les jeunes du territoire disposent de peu de lieux qui leur soient dédiés en dehors du collège.",
        "Beaucoup quittent le territoire après le baccalauréat pour poursuivre leurs études dans les villes universitaires.",
        "Les jeunes rencontrés lors des ateliers ont exprimé le souhait d'être davantage associés aux décisions locales.",
        "L'accès à l'emploi saisonnier, aux loisirs et à la culture reste conditionné par la mobilité.",
        "La présence éducative sur internet apparaît comme une réponse adaptée aux usages des adolescents.",
        "La mission locale constate une augmentation du nombre de jeunes sans diplôme ni formation.",
        "Les projets collectifs de jeunes, soutenus par les animateurs, favorisent l'engagement et l'autonomie.",
        "Le point information jeunesse de {seat} accueille chaque semaine des jeunes venus de tout le territoire.",
    ],
    "parentalité": [
        "Les actions de soutien à la parentalité sont nombreuses mais dispersées et peu connues des familles.",
        "Les parents expriment le besoin d'espaces d'échange informels, sans jugement, proches de leur domicile.",
        "La période de l'adolescence suscite de nombreuses questions de la part des parents.",
        "Les séparations et la monoparentalité fragilisent une partie des familles du territoire.",
        "Les professionnels de l'école, de la petite enfance et du social souhaitent mieux se coordonner.",
        "Un lieu d'accueil enfants-parents permettrait de rompre l'isolement des jeunes parents.",
        "Les actions passerelles entre la crèche et l'école maternelle facilitent la première scolarisation.",
        "La médiation familiale reste peu mobilisée, faute d'une offre de proximité.",
    ],
    "accès aux droits": [
        "Le non-recours aux prestations reste important, notamment parmi les familles rurales et les jeunes adultes.",
        "La dématérialisation des démarches éloigne une partie des usagers de leurs droits.",
        "Les permanences administratives sont concentrées à {seat} et peu accessibles sans véhicule.",
        "L'espace France services constitue un point d'appui essentiel pour l'accompagnement des démarches.",
        "Les agents d'accueil des mairies sont souvent sollicités pour des questions relatives aux prestations familiales.",
        "Les rendez-vous des droits permettent d'examiner l'ensemble de la situation d'une famille.",
        "Les partenaires souhaitent développer les démarches d'aller-vers en direction des publics isolés.",
    ],
    "logement": [
        "Le parc de logements est ancien et une part notable des résidences principales est énergivore.",
        "Les jeunes ménages peinent à trouver des logements de petite taille à un loyer accessible.",
        "Des situations de non-décence sont régulièrement signalées dans le parc privé.",
        "La prévention des expulsions locatives repose sur une intervention précoce des partenaires.",
        "Les aides au logement constituent une ressource déterminante pour de nombreuses familles allocataires.",
        "Le programme local de l'habitat prévoit la réhabilitation de logements vacants en centre-bourg.",
    ],
    "animation de la vie sociale": [
        "Les structures d'animation de la vie sociale sont des lieux ressources pour les habitants.",
        "Le centre social développe des activités pour toutes les générations et soutient les initiatives locales.",
        "Le tissu associatif est riche mais repose sur un nombre restreint de bénévoles vieillissants.",
        "Les habitants des communes éloignées participent peu aux activités proposées à {seat}.",
        "Un espace de vie sociale à {c1} permettrait de renforcer la présence des services dans l'ouest du territoire.",
        "La participation des habitants est au cœur du projet social renouvelé du centre social.",
    ],
    "inclusion numérique": [
        "Une partie des familles ne dispose ni d'un équipement adapté ni d'une connexion de qualité.",
        "Les démarches en ligne constituent une source d'inquiétude pour de nombreux parents.",
        "Les conseillers numériques proposent des ateliers collectifs et un accompagnement individuel.",
        "Les usages numériques des enfants interrogent les parents, qui sollicitent des temps d'information.",
    ],
    "handicap": [
        "L'accueil des enfants en situation de handicap dans les structures de droit commun reste insuffisant.",
        "Les équipes d'animation expriment un besoin de formation et d'appui pour accueillir ces enfants.",
        "Les familles concernées font état d'un parcours complexe et d'un manque de solutions de répit.",
        "Un pôle ressources handicap faciliterait l'orientation des familles et l'accompagnement des structures.",
    ],
    "mobilité": [
        "L'absence de transports collectifs réguliers limite l'accès des familles aux services.",
        "Les jeunes sans permis de conduire dépendent de leurs parents pour leurs déplacements.",
        "Des solutions de transport à la demande ont été expérimentées avec des résultats encourageants.",
        "Le covoiturage solidaire pourrait répondre aux besoins ponctuels des familles les plus isolées.",
    ],
    "insertion sociale et professionnelle": [
        "La garde des enfants constitue souvent un obstacle au retour à l'emploi des parents.",
        "Les familles monoparentales sont particulièrement exposées à la précarité professionnelle.",
        "Les partenaires de l'emploi et de la petite enfance gagneraient à mieux articuler leurs interventions.",
        "Des places d'accueil réservées aux parents en insertion sont prévues dans les établissements volontaires.",
    ],
    "accompagnement des séniors": [
        "Le vieillissement de la population s'accompagne d'une augmentation du nombre d'aidants familiaux.",
        "L'isolement des personnes âgées est particulièrement marqué dans les hameaux éloignés.",
        "Les actions intergénérationnelles rapprochent les enfants des accueils de loisirs et les résidents de l'Ehpad.",
        "Le soutien aux aidants passe par l'information, le répit et des temps d'échange entre pairs.",
    ],
}

# Opening phrases used to vary paragraph starts.
OPENERS = [
    "Par ailleurs, ", "En outre, ", "Dans ce contexte, ", "Plus largement, ", "De manière générale, ",
    "Il convient de souligner que ", "Les partenaires observent que ", "Il ressort des échanges que ",
    "Au regard de ces éléments, ", "Sur ce point, ",
]
# Names of the sections of a fiche action, in order.
FICHE_PARTS = ["Constat", "Objectifs opérationnels", "Public visé", "Modalités de mise en œuvre",
               "Moyens mobilisés", "Indicateurs d'évaluation"]
FICHE_STEPS = [
    "réunir les partenaires concernés pour préciser le cahier des charges",
    "identifier les locaux disponibles et les besoins en aménagement",
    "recruter ou désigner le professionnel référent",
    "informer les familles par les supports de communication de la collectivité",
    "organiser une première phase d'expérimentation",
    "dresser un bilan intermédiaire avec les usagers",
    "ajuster les modalités de fonctionnement au vu du bilan",
    "pérenniser l'action et rechercher des cofinancements",
    "mobiliser les communes membres pour relayer l'information",
    "former les professionnels intervenant sur l'action",
]
