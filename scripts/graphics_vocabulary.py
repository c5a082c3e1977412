"""The words the icon-and-drawing head speaks, and how training pictures get them (issue #16).

Two sources of names, both Debian packages:

- freedesktop icon themes: an icon's name (``user-trash-full``, ``weather-storm``) is mapped by
  :data:`ICON_RULES` (regular expressions, first match wins) to a plain word a listener knows ("trash
  can", "storm cloud"); names that match no rule (application logos, arrows of every kind) are "other";
- openclipart-png drawings and GCompris' word pictures: the words of the file's path
  (``animals/mammals/housecats/cartoon_cat_gerald_g._01.png``) are looked up in :data:`THING_WORDS`
  (English and the Italian of many openclipart authors: "rana" is a frog), the file name first, then
  its folders.

Only training uses this module; the shipped head carries its labels in ``labels.json``.
"""

from __future__ import annotations

import re

OTHER = "other"

# (spoken label, regex on the icon name). First match wins; order the specific before the general.
# fmt: off
ICON_RULES: tuple[tuple[str, str], ...] = (
    ("trash can", r"^(user-trash|trash|edit-delete$|emptytrash|recycle)"),
    ("storm cloud", r"^weather-storm"),
    ("snow cloud", r"^weather-snow"),
    ("rain cloud", r"^weather-(showers|rain)"),
    ("moon", r"^weather-clear-night|^weather-few-clouds-night|^night-light"),
    ("sun", r"^weather-clear$|^weather-sunny|^redshift|^brightness|^display-brightness"),
    ("sun and cloud", r"^weather-few-clouds$"),
    ("cloud", r"^weather-overcast|^weather-clouds|^cloud$|^weather-fog"),
    ("folder", r"^(folder|inode-directory|user-desktop$|user-documents$|user-downloads$|user-music$"
        r"|user-pictures$|user-videos$|user-bookmarks$|stock_folder|gtk-directory|places-folder)"),
    ("house", r"^(user-home|go-home|gtk-home|stock_home|folder-home|home$)"),
    ("printer", r"^(printer|document-print$|printmgr|print_printer|gtk-print$|system-config-printer"
        r"|preferences-desktop-printer|cups|gnome-dev-printer)"),
    ("calendar", r"^(office-calendar|x-office-calendar|calendar|evolution-calendar|korganizer"
        r"|org\.gnome\.Calendar|appointment-new|gnome-calendar|view-calendar$)"),
    ("battery", r"^(battery|gpm-battery|xfce4-battery|gnome-power-manager|ac-adapter)"),
    ("computer mouse", r"^(input-mouse|mouse$|preferences-desktop-peripherals|gnome-dev-mouse)"),
    ("keyboard", r"^(input-keyboard|preferences-desktop-keyboard|keyboard$|gnome-dev-keyboard|key_bindings)"),
    ("warning sign", r"^(dialog-warning|warning$|gtk-dialog-warning|stock_dialog-warning|important"
        r"|messagebox_warning)"),
    ("error sign", r"^(dialog-error|error$|gtk-dialog-error|stock_dialog-error|process-stop$"
        r"|messagebox_critical)"),
    ("information sign", r"^(dialog-information|gtk-dialog-info|stock_dialog-info|help-about$|info$"
        r"|messagebox_info)"),
    ("question mark", r"^(dialog-question|help-contents$|help-browser$|help$|gtk-help|system-help"
        r"|help-faq|gtk-dialog-question|stock_dialog-question|gnome-help|khelpcenter|susehelpcenter)"),
    ("hard disk", r"^(drive-harddisk|harddrive|gnome-dev-harddisk|hdd|drive-hdd|gtk-harddisk|yast_HD"
        r"|gnome-disks)"),
    ("disc", r"^(media-optical|drive-optical|cdrom|media-cdrom|dvd|gnome-dev-cdrom|gnome-dev-dvd|cd$"
        r"|media-dvd|brasero|k3b|application-x-cd-image|xfburn|drive-cdrom|gtk-cdrom|media-cdrw|gnome-dev-disc)"),
    ("floppy disk", r"^(media-floppy|document-save$|gtk-save$|filesave$|stock_save$|gnome-dev-floppy"
        r"|drive-removable-media-floppy|document-save-as$)"),
    ("microphone", r"^(audio-input-microphone|microphone|mic$|audio-recorder|gnome-sound-recorder"
        r"|sound-recorder)"),
    ("magnifying glass", r"^(system-search|edit-find$|search$|gtk-find$|find$|stock_search|edit-find-replace"
        r"|zoom-in$|zoom-out$|catfish|xfce4-appfinder|gnome-search-tool|kfind)"),
    ("scissors", r"^(edit-cut$|gtk-cut|editcut|stock_cut|scissors)"),
    ("envelope", r"^(internet-mail|mail-|email|evolution-mail|emblem-mail|kmail|thunderbird|stock_mail"
        r"|mail$|message-|xfce-newmail|xfce-mail|claws-mail|mailbox|geary)"),
    ("computer", r"^(computer$|computer-|gnome-computer|system$|my-computer|user-desktop-computer"
        r"|preferences-system-windows$)"),
    ("laptop", r"^(computer-laptop|laptop)"),
    ("wireless signal", r"^(network-wireless|wireless|wifi|nm-signal|gnome-netstatus|network-cellular"
        r"|nm-device-wireless)"),
    ("calculator", r"^(accessories-calculator|calc$|gnome-calculator|kcalc|galculator|calculator"
        r"|org\.gnome\.Calculator|qalculate|speedcrunch)"),
    ("camera", r"^(camera-photo|camera$|gnome-dev-camera|digikam|shotwell|accessories-camera|cheese"
        r"|camera-app)"),
    ("video camera", r"^(camera-video|camera-web|webcam|video-camera|camorama|guvcview)"),
    ("globe", r"^(web-browser|internet-web-browser|applications-internet|gnome-globe|globe|earth"
        r"|preferences-system-network-proxy|network-workgroup|browser$|emblem-web|epiphany)"),
    ("speaker", r"^(audio-volume|audio-speakers|multimedia-volume-control|speaker|audio-card"
        r"|stock_volume|sound$|preferences-desktop-sound|kmix|pavucontrol|xfce4-mixer)"),
    ("headphones", r"^(audio-headphones|headphones|audio-headset|headset)"),
    ("mobile phone", r"^(phone$|phone-|smartphone|mobile-phone|kdeconnect|gsm|modem-gsm)"),
    ("monitor", r"^(video-display|display$|preferences-desktop-display|gnome-display|monitor$"
        r"|xfce-display|video-monitor)"),
    ("padlock", r"^(system-lock-screen|changes-prevent|lock$|object-locked|emblem-readonly|security-high"
        r"|emblem-locked|locked|xfce-system-lock|gnome-lockscreen|document-encrypt|lock-screen)"),
    ("key", r"^(dialog-password|password|seahorse|keys$|kwalletmanager|gnome-keyring|stock_keyring"
        r"|application-pgp|keepass)"),
    ("clock", r"^(clock$|preferences-system-time|appointment|alarm-clock|alarm|gnome-clocks|time-admin"
        r"|org\.gnome\.clocks|xfce4-clock|kalarm|chronometer|history)"),
    ("music note", r"^(audio-x-generic|audio-x-|media-audio|applications-multimedia|music|rhythmbox"
        r"|audacious|clementine|audio-mp3|juk|elisa|amarok|lollypop)"),
    ("picture", r"^(image-x-generic|image-|applications-graphics|eog|gthumb|ristretto|gwenview|photos"
        r"|org\.gnome\.eog|viewnior|shotwell-viewer)"),
    ("film", r"^(video-x-generic|video-x-|media-video|applications-multimedia-video|totem|parole"
        r"|dragonplayer|kdenlive|openshot|pitivi|video$)"),
    ("document", r"^(text-x-generic|x-office-document|text-plain|document$|application-document"
        r"|libreoffice-writer|libreoffice-document|accessories-text-editor|gedit|text-editor|kwrite"
        r"|mousepad|text-x-|application-pdf|office-document|document-new$|application-msword|application-rtf"
        r"|text-enriched|application-vnd\.oasis\.opendocument\.text|application-vnd\.openxmlformats-officedocument\.word)"),
    ("spreadsheet", r"^(x-office-spreadsheet|libreoffice-calc|gnumeric|spreadsheet"
        r"|application-vnd\.ms-excel|application-vnd\.oasis\.opendocument\.spreadsheet|application-vnd\.sun\.xml\.calc"
        r"|application-vnd\.openxmlformats-officedocument\.spreadsheet)"),
    ("box", r"^(package-x-generic|application-x-archive|package|system-software-install|archive"
        r"|file-roller|ark$|engrampa|xarchiver|application-x-compress|application-zip|application-x-7z|tar$|zip$"
        r"|application-x-gzip|application-x-rpm|rpm$|gnome-package|gnome-mime-application-x-(rar|deb))"),
    ("gear", r"^(preferences-system$|system-run|applications-system|settings|preferences-other"
        r"|configure|gnome-control-center|systemsettings|emblem-system|preferences-desktop$|gtk-preferences"
        r"|org\.gnome\.Settings|xfce4-settings|gnome-settings|applications-engineering)"),
    ("terminal", r"^(utilities-terminal|terminal|gnome-terminal|konsole|xterm|org\.gnome\.Terminal"
        r"|xfce4-terminal|application-x-shellscript|text-x-script|lxterminal|terminator|tilix|openterm|xfce-terminal"
        r"|shellscript)"),
    ("power button", r"^(system-shutdown|system-log-out|gnome-shutdown|xfsm-shutdown|application-exit"
        r"|power|gnome-session-halt|system-reboot|xfce-system-exit)"),
    ("USB stick", r"^(drive-removable-media-usb|media-removable|drive-removable-media$|usb|media-flash"
        r"|gnome-dev-removable|drive-removable)"),
    ("star", r"^(starred|star$|bookmark-new|non-starred|emblem-favorite|rating|kstars|emblem-star)"),
    ("plus sign", r"^(list-add$|add$|gtk-add|stock_add|value-increase|zoom-in-symbolic)"),
    ("minus sign", r"^(list-remove$|remove$|gtk-remove|stock_remove|value-decrease)"),
    ("bell", r"^(preferences-desktop-notification|notification|bell|notifications|xfce4-notifyd)"),
    ("game controller", r"^(input-gaming|applications-games|joystick|gamepad|steam|preferences-desktop-gaming"
        r"|jstest)"),
    ("scanner", r"^(scanner|simple-scan|xsane|skanlite|org\.gnome\.SimpleScan)"),
    ("book", r"^(accessories-dictionary|x-office-address-book|address-book|book|help-browser"
        r"|calibre|bookworm|dictionary|contacts|x-office-addressbook|foliate)"),
    ("speech bubble", r"^(im-|empathy|pidgin|chat|internet-chat|irc|hexchat|konversation|telegram|polari"
        r"|mail-reply|signal-desktop|user-available|skype)"),
    ("television", r"^(video-television|tv|television)"),
    ("smiley face", r"^(face-|emoji|emote)"),
    ("pencil", r"^(document-edit|edit$|accessories-text-editor-pencil|gtk-edit|draw-freehand|pencil)"),
    ("paint palette", r"^(preferences-desktop-color|color|gnome-color|kcolorchooser|colorpicker|gpick"
        r"|preferences-color|applications-painting)"),
    ("processor chip", r"^(cpu|processor|hardinfo|memory$|gnome-cpu|applications-electronics"
        r"|hwinfo|sysinfo|media-memory)"),
    ("network cable", r"^(network-wired|network-ethernet|nm-device-wired|gnome-dev-ethernet)"),
    ("map", r"^(maps|map$|org\.gnome\.Maps|marble|gnome-maps|applications-maps)"),
    ("shopping cart", r"^(cart|shopping|emblem-shopping|software-store|gnome-software|plasmadiscover"
        r"|org\.gnome\.Software|synaptic|applications-shopping|softwarecenter)"),
    ("light bulb", r"^(dialog-idea|idea|lightbulb|light-bulb)"),
    ("person", r"^(user-info|avatar-default|system-users|user$|users|stock_person|preferences-desktop-user"
        r"|config-users|user-identity|system-config-users|im-user|kuser|system-switch-user|contact-new)"),
    ("bluetooth symbol", r"^(bluetooth|preferences-system-bluetooth|blueman)"),
    ("thermometer", r"^(temperature|thermometer|sensors|psensor)"),
    ("brush", r"^(applications-graphics|gimp|mypaint|krita|inkscape|draw|brush|tool-paintbrush"
        r"|kolourpaint)"),
    ("heart", r"^(emblem-love|heart|love)"),
)

# fmt: on

# fmt: off
# Spoken label -> words in a clip-art path that name it (English, and Italian file names).
THING_WORDS: dict[str, tuple[str, ...]] = {
    # animals
    "cat": ("cat", "cats", "kitten", "kitty", "housecats", "gatto", "gatti", "gattino", "micio"),
    "dog": ("dog", "dogs", "puppy", "cane", "cani", "doggy", "poodle", "beagle"),
    "cow": ("cow", "cows", "bull", "calf", "mucca", "toro", "vacca"),
    "horse": ("horse", "horses", "pony", "cavallo", "foal"),
    "pig": ("pig", "piglet", "maiale", "pigs"),
    "sheep": ("sheep", "lamb", "ram", "pecora", "agnello"),
    "goat": ("goat", "capra"),
    "rabbit": ("rabbit", "bunny", "hare", "coniglio"),
    "mouse": ("mouse", "mice", "rat", "topo", "hamster"),
    "bear": ("bear", "bears", "orso", "grizzly"),
    "teddy bear": ("teddy",),
    "panda": ("panda",),
    "lion": ("lion", "leone", "lioness"),
    "tiger": ("tiger", "tigre"),
    "leopard": ("leopard", "cheetah", "jaguar", "panther"),
    "elephant": ("elephant", "elefante"),
    "giraffe": ("giraffe", "giraffa"),
    "zebra": ("zebra",),
    "camel": ("camel", "cammello", "dromedary"),
    "kangaroo": ("kangaroo", "canguro"),
    "monkey": ("monkey", "ape", "gorilla", "chimp", "chimpanzee", "baboon", "orangutan", "scimmia",
               "tamarin"),
    "fox": ("fox", "volpe"),
    "wolf": ("wolf", "lupo"),
    "deer": ("deer", "fawn", "reindeer", "moose", "elk", "cervo", "antelope", "antilope", "caribou", "wapiti",
              "blackbuck"),
    "squirrel": ("squirrel", "chipmunk", "scoiattolo"),
    "hedgehog": ("hedgehog", "riccio", "porcupine"),
    "bat": ("bat", "pipistrello"),
    "hippopotamus": ("hippo", "hippopotamus", "ippopotamo"),
    "rhinoceros": ("rhino", "rhinoceros", "rinoceronte"),
    "bird": ("bird", "birds", "uccello", "uccellino", "sparrow", "robin", "finch", "songbird", "tit",
             "flamingo", "pelican", "heron", "peacock", "peahen", "peafowl", "ostrich", "pigeon", "crow",
             "magpie",
             "seagull", "gull", "swallow", "toucan", "tucan", "lark", "cuckoo", "rhea", "quetzal", "rosella",
             "lorikeet", "blackbird", "bluebird", "fowl", "stork", "kingfisher", "woodpecker"),
    "parrot": ("parrot", "pappagallo", "macaw", "cockatoo"),
    "owl": ("owl", "gufo", "civetta"),
    "duck": ("duck", "duckling", "anatra", "papera", "goose"),
    "chicken": ("chicken", "hen", "rooster", "chick", "gallina", "gallo", "pulcino", "cock"),
    "penguin": ("penguin", "pinguino", "tux"),
    "eagle": ("eagle", "aquila", "hawk", "falcon", "vulture"),
    "swan": ("swan", "cigno"),
    "turkey": ("turkey", "tacchino"),
    "fish": ("fish", "pesce", "pesci", "goldfish", "tuna", "salmon", "carp", "trout", "lionfish", "clownfish",
             "butterflyfish", "wrasse", "groper", "dolphinfish"),
    "shark": ("shark", "squalo"),
    "whale": ("whale", "balena", "orca", "bluewhale"),
    "dolphin": ("dolphin", "delfino"),
    "octopus": ("octopus", "polpo", "squid"),
    "crab": ("crab", "granchio"),
    "lobster": ("lobster", "crawfish", "crayfish", "aragosta"),
    "shrimp": ("shrimp", "prawn", "gambero"),
    "turtle": ("turtle", "tortoise", "tartaruga"),
    "snake": ("snake", "serpente", "cobra", "python", "viper", "lindworm"),
    "lizard": ("lizard", "lucertola", "lucertolona", "lucertolone", "ramarro", "gecko", "iguana",
               "chameleon", "camaleonte"),
    "crocodile": ("crocodile", "alligator", "coccodrillo"),
    "frog": ("frog", "frogs", "toad", "rana", "rospo"),
    "dinosaur": ("dinosaur", "dinosaurs", "dino", "trex", "tyrannosaurus", "stegosaurus", "triceratops",
                 "dinosauro", "brontosaurus"),
    "dragon": ("dragon", "drago"),
    "butterfly": ("butterfly", "farfalla", "moth"),
    "bee": ("bee", "bee1", "bumblebee", "wasp", "vespa", "hornet"),
    "ladybird": ("ladybug", "ladybird", "coccinella"),
    "ant": ("ant", "formica"),
    "spider": ("spider", "ragno"),
    "snail": ("snail", "lumaca", "chiocciola"),
    "beetle": ("beetle", "bug", "scarabeo", "insect"),
    "mosquito": ("mosquito", "zanzara", "fly", "flies", "hoverfly"),
    "insect": ("insect", "mantis", "grasshopper", "dragonfly", "locust", "cavalletta"),
    # people
    "girl": ("girl", "ragazza", "bambina"),
    "boy": ("boy", "ragazzo", "bambino"),
    "child": ("child", "kid", "kids", "children", "baby"),
    "man": ("man", "uomo", "dad", "father", "grandfather", "gentleman"),
    "woman": ("woman", "donna", "mother", "mom", "grandmother", "lady"),
    "family": ("family", "famiglia"),
    "stick figure": ("stickman", "stickmen", "stick"),
    "face": ("face", "smiley", "smilies", "smile", "emoticon", "faccina"),
    "hand": ("hand", "mano", "thumb", "finger"),
    # food
    "apple": ("apple", "apples", "mela", "applf"),
    "banana": ("banana", "bananas"),
    "pear": ("pear", "pera"),
    "cherry": ("cherry", "cherries", "ciliegia", "ciliegie"),
    "grapes": ("grape", "grapes", "uva"),
    "lemon": ("lemon", "limone", "lime"),
    "avocado": ("avocado",),
    "mango": ("mango",),
    "nut": ("nut", "nuts", "walnut", "almond", "pecan", "hazelnut", "noce"),
    "orange": ("orange", "arancia"),
    "strawberry": ("strawberry", "fragola", "raspberry"),
    "watermelon": ("watermelon", "anguria", "cocomero", "melon", "melone"),
    "pineapple": ("pineapple", "ananas"),
    "peach": ("peach", "pesca", "apricot", "plum", "prugna"),
    "carrot": ("carrot", "carota"),
    "corn": ("corn", "maize", "mais"),
    "pepper": ("pepper", "chile", "chili", "peperone"),
    "onion": ("onion", "garlic", "cipolla", "aglio"),
    "potato": ("potato", "yam", "patata"),
    "lettuce": ("lettuce", "cabbage", "lattuga", "broccoli", "cauliflower"),
    "eggplant": ("eggplant", "aubergine", "melanzana"),
    "tomato": ("tomato", "pomodoro"),
    "mushroom": ("mushroom", "fungo", "champignon", "toadstool"),
    "bread": ("bread", "pane", "loaf", "baguette", "toast"),
    "cake": ("cake", "torta", "cupcake", "muffin", "birthday_cake"),
    "pizza": ("pizza",),
    "hamburger": ("burger", "hamburger", "cheeseburger", "sandwich"),
    "ice cream": ("icecream", "ice_cream", "gelato", "popsicle"),
    "cheese": ("cheese", "formaggio"),
    "egg": ("egg", "eggs", "uovo", "uova"),
    "cup": ("cup", "mug", "tazza", "coffee", "tea", "caffe"),
    "teapot": ("teapot", "teiera"),
    "kettle": ("kettle", "bollitore"),
    "cooking pot": ("saucepan", "pressure_cooker", "casserole", "pentola"),
    "fork": ("fork", "forchetta"),
    "spoon": ("spoon", "cucchiaio"),
    "knife": ("knife", "knives", "coltello"),
    "bottle": ("bottle", "bottiglia", "wine", "beer", "birra"),
    "glass": ("glass", "bicchiere", "juice"),
    "candy": ("candy", "sweet", "lollipop", "caramella", "chocolate", "cookie", "donut", "doughnut"),
    # plants
    "flower": ("flower", "flowers", "fiore", "fiori", "rose", "tulip", "daisy", "rosa", "lily"),
    "sunflower": ("sunflower", "sun_flower", "girasole"),
    "tree": ("tree", "trees", "albero", "palm", "pine", "oak", "abete"),
    "leaf": ("leaf", "leaves", "foglia"),
    "cactus": ("cactus",),
    # objects
    "guitar": ("guitar", "chitarra"),
    "violin": ("violin", "violino", "fiddle", "cello"),
    "piano": ("piano", "pianoforte", "keyboard_instrument"),
    "drum": ("drum", "drums", "tamburo", "batteria", "drumkit", "bongo", "timpani"),
    "cymbal": ("cymbal", "cymbals", "piatti"),
    "accordion": ("accordion", "fisarmonica"),
    "harp": ("harp", "arpa"),
    "flute": ("flute", "flauto", "clarinet"),
    "trumpet": ("trumpet", "tromba", "horn", "saxophone", "sax", "trombone"),
    "music note": ("note", "notes", "musical", "nota", "clef"),
    "house": ("house", "home", "casa", "cottage", "hut", "homes"),
    "castle": ("castle", "castello", "chateau"),
    "church": ("church", "chiesa", "cathedral", "chapel"),
    "lighthouse": ("lighthouse", "faro"),
    "tower": ("tower", "torre"),
    "car": ("car", "auto", "automobile", "macchina", "sedan", "racecar"),
    "bus": ("bus", "bus1", "autobus", "coach"),
    "truck": ("truck", "lorry", "camion", "van"),
    "train": ("train", "treno", "locomotive", "railway"),
    "bicycle": ("bicycle", "bike", "bici", "bicicletta", "cycle"),
    "motorcycle": ("motorcycle", "motorbike", "moto", "scooter"),
    "aeroplane": ("airplane", "aeroplane", "plane", "aereo", "jet", "airliner", "aircraft"),
    "helicopter": ("helicopter", "elicottero"),
    "rocket": ("rocket", "razzo", "spaceship", "shuttle"),
    "boat": ("boat", "ship", "barca", "nave", "sailboat", "yacht", "canoe", "sail", "sailing"),
    "tractor": ("tractor", "trattore"),
    "clock": ("clock", "clocks", "orologio", "watch", "alarm"),
    "telephone": ("telephone", "phone", "telefono", "cellphone", "mobile"),
    "computer": ("computer", "pc", "desktop", "workstation"),
    "light bulb": ("bulb", "lightbulb", "lampadina", "lamp"),
    "battery": ("battery", "batteria_elettrica"),
    "book": ("book", "books", "libro", "libri"),
    "pencil": ("pencil", "matita", "pen", "penna", "crayon"),
    "scissors": ("scissors", "forbici"),
    "key": ("key", "keys", "chiave"),
    "padlock": ("padlock", "lock", "lucchetto"),
    "umbrella": ("umbrella", "ombrello"),
    "chair": ("chair", "sedia", "armchair", "stool"),
    "table": ("table", "tavolo", "desk"),
    "bed": ("bed", "letto"),
    "lamp": ("lamp", "lampada"),
    "hammer": ("hammer", "martello"),
    "saw": ("saw", "sega"),
    "wrench": ("wrench", "spanner", "chiave_inglese", "pliers"),
    "screwdriver": ("screwdriver", "cacciavite"),
    "spade": ("spade", "shovel", "pala", "rake"),
    "toilet": ("toilet", "wc", "gabinetto"),
    "washing machine": ("washing_machine", "washer", "lavatrice"),
    "fridge": ("fridge", "refrigerator", "frigorifero"),
    "bag": ("handbag", "bag", "purse", "borsa", "backpack", "suitcase"),
    "sword": ("sword", "spada", "dagger"),
    "gun": ("gun", "pistol", "rifle", "pistola", "revolver"),
    "shoe": ("shoe", "shoes", "scarpa", "scarpe", "boot", "boots", "sneaker"),
    "shirt": ("shirt", "tshirt", "maglietta", "camicia"),
    "dress": ("dress", "vestito", "gown", "skirt"),
    "trousers": ("trousers", "pants", "jeans", "pantaloni", "bellbottoms"),
    "sock": ("sock", "socks", "stocking", "calzino"),
    "hat": ("hat", "cap", "cappello", "helmet"),
    "glasses": ("glasses", "sunglasses", "occhiali", "spectacles"),
    "ball": ("ball", "football", "soccer", "basketball", "palla", "pallone", "baseball", "tennis"),
    "balloon": ("balloon", "balloons", "palloncino"),
    "gift": ("gift", "present", "regalo", "pacco"),
    "candle": ("candle", "candela"),
    "christmas tree": ("christmas_tree", "xmas_tree", "albero_di_natale"),
    "snowman": ("snowman", "pupazzo"),
    "heart": ("heart", "hearts", "cuore", "valentine"),
    "star": ("star", "stars", "stella"),
    "moon": ("moon", "luna", "crescent"),
    "sun": ("sun", "sole", "sunny"),
    "cloud": ("cloud", "clouds", "nuvola", "cloudy"),
    "rain cloud": ("rain", "pioggia", "rainy", "showers"),
    "snowflake": ("snowflake", "snow", "neve"),
    "lightning": ("lightning", "thunder", "storm", "fulmine", "thunderstorm"),
    "rainbow": ("rainbow", "arcobaleno"),
    "earth": ("earth", "globe", "world", "terra", "mondo"),
    "planet": ("planet", "jupiter", "saturn", "uranus", "neptune", "pluto"),
    "flag": ("flag", "flags", "bandiera"),
    "map": ("map", "mappa"),
    "anchor": ("anchor", "ancora"),
    "crown": ("crown", "corona"),
    "ghost": ("ghost", "fantasma"),
    "skull": ("skull", "teschio", "skeleton"),
    "pumpkin": ("pumpkin", "zucca", "jack_o_lantern", "halloween"),
    "robot": ("robot",),
    "trophy": ("trophy", "trofeo", "cup_award"),
    "camera": ("camera", "fotocamera", "macchina_fotografica"),
    "envelope": ("envelope", "busta", "letter", "mail"),
    "printer": ("printer", "stampante"),
    "arrow": ("arrow", "arrows", "freccia"),
    "traffic sign": ("roadsign", "roadsigns", "traffic", "segnale", "sign", "stop"),
    "dice": ("dice", "die", "dado", "dadi"),
    "chess piece": ("chess", "pawn", "knight", "scacchi", "rook", "bishop"),
    "playing card": ("card", "cards", "playing_card", "poker", "carta"),
    "jigsaw piece": ("jigsaw", "puzzle"),
    "coin": ("coin", "coins", "moneta", "money", "dollar", "euro"),
    "bell": ("bell", "campana", "campanella"),
}

# Folder names of openclipart that say what is inside when the file name does not.
FOLDER_LABELS: dict[str, str] = {
    "housecats": "cat", "dogs": "dog", "horses": "horse", "bears": "bear", "big_cats": "lion",
    "birds": "bird", "fish": "fish", "bugs": "beetle", "dinosaurs": "dinosaur", "flowers": "flower",
    "trees": "tree", "flags": "flag", "stars": "star", "stickmen": "stick figure", "smilies": "face",
    "clocks": "clock", "roadsigns": "traffic sign", "jigsaw": "jigsaw piece", "arrows": "arrow",
    "telephone": "telephone", "bulb": "light bulb", "battery": "battery", "books": "book",
    "weather": "cloud", "money": "coin", "boating": "boat",
}  # fmt: skip

# Folders whose pictures are not drawings of a thing (patterns, gradients, flowchart shapes, UI kits).
SKIP_FOLDERS = frozenset({"gradients", "patterns", "flowchart", "callouts", "led", "examples", "duplicates",
                          "diagrams", "aiga-symbols", "map_symbols", "buttons", "icons"})

# fmt: on
WORD_INDEX: dict[str, str] = {w: label for label, words in THING_WORDS.items() for w in words}
_ICON_RULES = tuple((label, re.compile(pattern)) for label, pattern in ICON_RULES)


def icon_label(name: str) -> str:
    """The spoken label of a freedesktop icon name ("user-trash-full" -> "trash can"), or OTHER."""
    for label, rule in _ICON_RULES:
        if rule.search(name):
            return label
    return OTHER


def path_words(text: str) -> list[str]:
    """Lower-case words of a file name or folder ("cartoon_cat_gerald_g._01.png" -> cartoon, cat, ...)."""
    return [w for w in re.split(r"[^a-z]+", text.lower().rsplit(".", 1)[0]) if w]


def thing_label(relative_path: str) -> str | None:
    """The label of an openclipart file from its words (file name first, then folders), or None."""
    parts = relative_path.split("/")
    if any(p in SKIP_FOLDERS for p in parts[:-1]):
        return None
    stem = parts[-1].lower().rsplit(".", 1)[0]
    for phrase, label in WORD_INDEX.items():  # multi-word keys ("sun_flower", "ice_cream") first
        if "_" in phrase and phrase in stem:
            return label
    for word in path_words(parts[-1]):
        if word in WORD_INDEX:
            return WORD_INDEX[word]
    for folder in reversed(parts[:-1]):  # only folders that name one thing ("housecats", "birds")
        if folder in FOLDER_LABELS:
            return FOLDER_LABELS[folder]
    return None
