"""Separators on real half-A screenshots: the pixels of the picture and the lines and word boxes
exactly as the file path's engines returned them on the whole screen. A mail program's folder list
on a grey pane beside its messages' table is read as a column of its own before the table, a
bordered box beside a column of search results after the column, whole; a status line's band and a
bar of links are not read into the lines under them. A dialog's entry fields beside their labels
and a striped table's rows are parted by nothing."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.boxes import Box, OcrLine, OcrWord
from assistant.ocr.layout import layout_blocks
from assistant.ocr.separators import beside, parted

SCREENS = Path(__file__).resolve().parents[2] / "datasets" / "screens"


def _picture(name: str) -> Image.Image:
    with Image.open(SCREENS / "png" / f"{name}.png") as img:
        return img.convert("RGB")


def _lines(rows: list[list[tuple[str, Box]]]) -> list[OcrLine]:
    return [OcrLine.of([OcrWord(text, box, 0.95) for text, box in words]) for words in rows]


INBOX = _lines(
    [
        [("Inbox", (116, 75, 154, 85)), ("Mail", (169, 75, 195, 85))],
        [
            ("compose", (123, 102, 185, 128)),
            ("Refresh", (225, 109, 273, 120)),
            ("Delete", (313, 99, 355, 130)),
        ],
        [("Subject", (517, 159, 575, 173))],
        [("Received", (968, 159, 1037, 170))],
        [("From", (288, 160, 326, 170))],
        [("Inbox", (110, 165, 152, 176)), ("4", (158, 166, 167, 176))],
        [("Starred", (110, 190, 159, 212))],
        [
            ("Your", (516, 194, 552, 204)),
            ("appointment", (557, 193, 657, 207)),
            ("on", (663, 196, 681, 204)),
            ("Thursday", (687, 193, 760, 207)),
        ],
        [("Dr", (288, 194, 305, 204)), ("Ines", (312, 194, 343, 204)), ("Ortega", (349, 194, 402, 207))],
        [("08:14", (967, 194, 1011, 204))],
        [("Parcel", (288, 230, 335, 241)), ("Service", (342, 230, 398, 241))],
        [
            ("Delivery", (517, 230, 581, 244)),
            ("window", (587, 230, 646, 241)),
            ("12:00", (653, 231, 696, 241)),
            ("to", (701, 231, 717, 241)),
            ("14:00", (724, 231, 766, 241)),
        ],
        [("07:52", (967, 231, 1010, 241))],
        [("Sent", (110, 233, 140, 243))],
        [("Drafts", (110, 265, 151, 276)), ("1", (157, 266, 164, 276))],
        [("Nadia", (288, 266, 332, 277)), ("Brooks", (338, 266, 391, 277))],
        [
            ("Photos", (517, 266, 570, 277)),
            ("from", (576, 266, 612, 277)),
            ("the", (618, 266, 643, 277)),
            ("choir", (649, 266, 688, 277)),
            ("trip", (693, 266, 721, 280)),
        ],
        [("Yesterday", (967, 266, 1044, 280))],
        [("Archive", (109, 299, 161, 310))],
        [("City", (288, 303, 318, 317)), ("Library", (324, 303, 379, 317))],
        [
            ("Two", (516, 304, 546, 314)),
            ("books", (553, 303, 598, 314)),
            ("due", (604, 303, 632, 314)),
            ("on", (638, 306, 657, 314)),
            ("Monday", (663, 303, 723, 317)),
        ],
        [("Yesterday", (967, 303, 1044, 317))],
        [("Spam", (110, 334, 148, 347))],
        [
            ("Re:", (517, 341, 537, 351)),
            ("lift", (544, 340, 561, 351)),
            ("to", (566, 341, 579, 351)),
            ("the", (584, 340, 607, 351)),
            ("station", (612, 340, 658, 351)),
        ],
        [("Ben", (288, 341, 313, 351)), ("Carter", (319, 341, 363, 351))],
        [("Mon", (968, 341, 995, 351))],
        [("Trash", (109, 366, 145, 377))],
        [("Water", (288, 377, 328, 387)), ("Board", (334, 376, 373, 387))],
        [
            ("Planned", (517, 376, 571, 387)),
            ("works", (577, 376, 618, 387)),
            ("in", (624, 376, 634, 387)),
            ("your", (640, 378, 671, 390)),
            ("street", (676, 377, 716, 387)),
        ],
        [("Mon", (968, 377, 995, 387))],
        [("Amir", (287, 413, 320, 424)), ("Saleh", (325, 413, 362, 424))],
        [
            ("Minutes", (517, 413, 571, 424)),
            ("of", (577, 413, 590, 424)),
            ("the", (594, 413, 616, 424)),
            ("tenants", (621, 414, 674, 424)),
            ("meeting", (680, 413, 736, 427)),
        ],
        [("sun", (967, 414, 992, 424))],
        [("Online", (288, 449, 331, 460)), ("Bank", (338, 449, 371, 460))],
        [
            ("Your", (517, 450, 546, 460)),
            ("May", (552, 450, 579, 463)),
            ("statement", (585, 450, 656, 460)),
            ("is", (662, 449, 671, 460)),
            ("ready", (677, 449, 715, 463)),
        ],
        [("Sat", (967, 450, 989, 460))],
    ]
)

PREFERENCES = _lines(
    [
        [("Preferences", (465, 141, 545, 162))],
        [("BEE", (653, 144, 704, 154))],
        [("General", (317, 184, 382, 197))],
        [("Lee", (439, 213, 472, 239))],
        [("Display", (334, 220, 384, 234)), ("name", (389, 223, 427, 231)), ("Morgan", (473, 221, 525, 234))],
        [("/home/lee/Downloads", (441, 248, 593, 263))],
        [("Download", (316, 250, 384, 261)), ("folder", (389, 250, 428, 261))],
        [("English", (443, 278, 491, 296))],
        [("Language", (358, 279, 430, 296))],
        [("(UK)", (497, 280, 526, 294))],
        [("10", (442, 309, 459, 323))],
        [
            ("Autosave", (319, 311, 384, 321)),
            ("every", (389, 313, 428, 324)),
            ("minutes", (464, 310, 517, 321)),
        ],
        [("Start", (339, 346, 371, 356)), ("at", (375, 346, 389, 356)), ("login", (393, 345, 424, 359))],
        [("Show", (339, 369, 378, 380)), ("notifications", (383, 369, 463, 380))],
        [
            ("Check", (339, 393, 383, 404)),
            ("for", (388, 393, 406, 404)),
            ("updates", (411, 393, 466, 407)),
            ("weekly", (471, 393, 519, 407)),
        ],
        [("Cancel", (501, 419, 546, 451)), ("Apply", (584, 426, 623, 446))],
        [("ok", (654, 428, 678, 442))],
    ]
)

LOANS = _lines(
    [
        [("Library", (505, 105, 553, 118)), ("Loans", (558, 106, 598, 115))],
        [
            ("Library", (146, 147, 226, 170)),
            ("loans,", (235, 147, 301, 169)),
            ("April", (309, 147, 361, 170)),
        ],
        [
            ("Loans", (146, 192, 185, 202)),
            ("and", (191, 191, 214, 202)),
            ("returns", (220, 192, 266, 202)),
            ("per", (271, 194, 292, 205)),
            ("branch;", (297, 191, 345, 204)),
            ("change", (351, 191, 399, 205)),
            ("against", (404, 191, 452, 205)),
            ("March.", (457, 191, 501, 202)),
        ],
        [("Returns", (369, 225, 425, 245))],
        [("Members", (559, 225, 623, 245))],
        [("Branch", (164, 228, 214, 239))],
        [("Overdue", (461, 228, 521, 239))],
        [("Change", (660, 228, 714, 242))],
        [("Loans", (289, 229, 332, 239))],
        [("Central", (163, 260, 211, 280))],
        [("4,812", (295, 264, 332, 276))],
        [("4,655", (388, 264, 425, 276))],
        [("127", (498, 264, 521, 274))],
        [("9,340", (587, 264, 623, 276))],
        [("+3.1%", (673, 264, 715, 274))],
        [("Riverside", (164, 293, 225, 313))],
        [("3,115", (588, 294, 623, 313))],
        [("1,906", (296, 297, 332, 309))],
        [("1,874", (389, 297, 425, 309))],
        [("42", (505, 297, 521, 307))],
        [("-0.8%", (676, 297, 715, 307))],
        [("Hillcrest", (161, 326, 217, 346))],
        [("2,377", (295, 330, 332, 342))],
        [("2,290", (388, 330, 425, 342))],
        [("65", (506, 330, 521, 340))],
        [("4,020", (586, 330, 623, 342))],
        [("+1.6%", (673, 330, 715, 340))],
        [("Old", (163, 362, 185, 373)), ("Town", (190, 363, 225, 373))],
        [("988", (308, 363, 332, 373))],
        [("1,012", (389, 363, 425, 375))],
        [("19", (506, 363, 521, 373))],
        [("1,764", (587, 363, 624, 375))],
        [("+0.4%", (673, 363, 715, 373))],
        [("1,441", (296, 393, 332, 412))],
        [("Meadowbank", (164, 395, 252, 406))],
        [("1,398", (389, 396, 425, 408))],
        [("37", (506, 396, 521, 406))],
        [("2,508", (587, 396, 623, 408))],
        [("-2.2%", (676, 396, 714, 406))],
        [("11", (503, 427, 527, 441))],
        [("Harbour", (164, 428, 217, 439))],
        [("763", (308, 429, 332, 439))],
        [("741", (401, 429, 425, 439))],
        [("1,290", (587, 429, 623, 441))],
        [("+5.7%", (673, 429, 714, 439))],
        [
            ("Figures", (146, 469, 194, 483)),
            ("from", (199, 469, 228, 480)),
            ("the", (233, 469, 254, 480)),
            ("lending", (259, 469, 306, 483)),
            ("system,", (312, 470, 362, 483)),
            ("1", (368, 470, 375, 480)),
            ("May.", (380, 470, 409, 483)),
        ],
    ]
)

ARTICLE = _lines(
    [
        [
            ("The", (872, 124, 898, 134)),
            ("Line", (903, 124, 931, 134)),
            ("Is", (936, 125, 947, 134)),
            ("Open", (951, 125, 987, 137)),
            ("Again", (992, 124, 1031, 137)),
        ],
        [
            ("The", (376, 176, 439, 199)),
            ("old", (452, 176, 503, 199)),
            ("line", (515, 176, 577, 199)),
            ("is", (590, 176, 617, 199)),
            ("open", (630, 183, 711, 205)),
            ("again", (723, 176, 816, 205)),
        ],
        [
            ("By", (377, 226, 396, 241)),
            ("Maya", (403, 226, 443, 241)),
            ("Lindqvist,", (451, 226, 525, 241)),
            ("local", (533, 226, 568, 238)),
            ("news", (576, 229, 615, 238)),
        ],
        [
            ("The", (376, 266, 405, 278)),
            ("old", (411, 266, 434, 278)),
            ("railway", (441, 266, 497, 281)),
            ("line", (504, 266, 531, 278)),
            ("between", (538, 266, 605, 278)),
            ("Marsh", (613, 266, 659, 278)),
            ("Lane", (666, 266, 703, 278)),
            ("and", (710, 266, 738, 278)),
            ("the", (744, 266, 770, 278)),
            ("harbour", (777, 266, 839, 278)),
            ("reopened", (845, 266, 918, 281)),
        ],
        [
            ("Not", (977, 266, 1004, 278)),
            ("everyone", (1010, 269, 1083, 281)),
            ("is", (1091, 266, 1101, 278)),
            ("pleased.", (1108, 266, 1173, 281)),
            ("Some", (1181, 266, 1224, 278)),
            ("neighbours", (1231, 266, 1319, 281)),
            ("worry", (1326, 269, 1370, 281)),
            ("about", (1376, 266, 1421, 278)),
            ("bicycles", (1428, 266, 1490, 281)),
        ],
        [
            ("as", (377, 291, 393, 300)),
            ("a", (400, 291, 408, 300)),
            ("path", (415, 288, 449, 303)),
            ("for", (456, 288, 478, 300)),
            ("walkers", (483, 288, 543, 300)),
            ("and", (549, 288, 577, 300)),
            ("cyclists", (585, 288, 642, 303)),
            ("on", (649, 291, 667, 300)),
            ("Saturday,", (674, 288, 748, 303)),
            ("eleven", (756, 288, 807, 300)),
            ("years", (814, 291, 857, 303)),
            ("after", (864, 288, 901, 300)),
        ],
        [
            ("passing", (977, 288, 1036, 303)),
            ("their", (1043, 288, 1080, 300)),
            ("gardens", (1085, 288, 1149, 303)),
            ("late", (1156, 288, 1184, 300)),
            ("at", (1191, 289, 1206, 300)),
            ("night,", (1213, 288, 1256, 303)),
            ("and", (1263, 288, 1291, 300)),
            ("the", (1298, 288, 1323, 300)),
            ("group", (1330, 291, 1375, 303)),
            ("has", (1382, 288, 1409, 300)),
            ("promised", (1415, 288, 1487, 303)),
            ("to", (1494, 289, 1509, 300)),
        ],
        [
            ("the", (376, 311, 402, 323)),
            ("last", (409, 311, 436, 323)),
            ("goods", (442, 311, 489, 326)),
            ("train", (495, 311, 531, 323)),
            ("ran.", (538, 314, 567, 323)),
        ],
        [
            ("put", (977, 311, 1002, 326)),
            ("up", (1009, 314, 1027, 326)),
            ("signs", (1034, 311, 1074, 326)),
            ("asking", (1080, 311, 1130, 326)),
            ("riders", (1138, 311, 1182, 323)),
            ("to", (1188, 311, 1203, 323)),
            ("slow", (1210, 311, 1244, 323)),
            ("down.", (1251, 311, 1296, 323)),
        ],
        [
            ("Volunteers", (376, 343, 460, 355)),
            ("cleared", (467, 343, 524, 355)),
            ("more", (532, 346, 571, 355)),
            ("than", (577, 343, 612, 355)),
            ("two", (619, 343, 647, 355)),
            ("kilometres", (654, 343, 736, 355)),
            ("of", (743, 343, 757, 355)),
            ("brambles", (763, 343, 836, 355)),
            ("and", (843, 343, 871, 355)),
            ("laid", (879, 343, 905, 355)),
            ("a", (912, 346, 920, 355)),
        ],
        [
            ("The", (976, 343, 1005, 355)),
            ("next", (1012, 343, 1046, 355)),
            ("stage,", (1052, 343, 1099, 358)),
            ("a", (1107, 346, 1115, 355)),
            ("link", (1122, 343, 1149, 355)),
            ("to", (1155, 343, 1169, 355)),
            ("the", (1176, 343, 1201, 355)),
            ("beach", (1208, 343, 1254, 355)),
            ("car", (1261, 346, 1286, 355)),
            ("park,", (1292, 343, 1330, 358)),
            ("needs", (1338, 343, 1384, 355)),
            ("a", (1391, 346, 1399, 355)),
            ("small", (1406, 343, 1446, 355)),
        ],
        [
            ("gravel", (377, 366, 425, 381)),
            ("surface", (432, 366, 490, 379)),
            ("wide", (496, 366, 532, 379)),
            ("enough", (539, 366, 597, 381)),
            ("for", (604, 366, 626, 378)),
            ("wheelchairs", (631, 366, 725, 379)),
            ("and", (732, 366, 760, 379)),
            ("pushchairs.", (767, 366, 857, 381)),
            ("The", (863, 366, 892, 378)),
        ],
        [
            ("footbridge", (976, 366, 1058, 381)),
            ("over", (1065, 369, 1100, 378)),
            ("the", (1105, 366, 1130, 378)),
            ("stream.", (1137, 367, 1195, 379)),
            ("Plans", (1204, 366, 1244, 379)),
            ("go", (1251, 369, 1269, 381)),
            ("to", (1275, 367, 1290, 378)),
            ("the", (1296, 366, 1321, 379)),
            ("planning", (1329, 366, 1395, 381)),
            ("committee", (1403, 366, 1487, 379)),
            ("in", (1495, 366, 1507, 378)),
        ],
        [
            ("council", (377, 388, 431, 401)),
            ("paid", (439, 388, 471, 403)),
            ("for", (477, 388, 499, 401)),
            ("new", (506, 391, 537, 401)),
            ("lighting", (544, 388, 601, 403)),
            ("under", (609, 388, 655, 401)),
            ("the", (660, 388, 685, 401)),
            ("bridges.", (692, 388, 754, 403)),
        ],
        [("September.", (977, 388, 1067, 403))],
        [
            ("Families", (377, 420, 440, 433)),
            ("came", (447, 423, 489, 433)),
            ("early", (495, 420, 535, 435)),
            ("with", (541, 420, 573, 433)),
            ("picnics,", (580, 420, 638, 435)),
            ("and", (645, 420, 673, 433)),
            ("a", (680, 423, 688, 433)),
            ("brass", (696, 420, 737, 433)),
            ("band", (744, 420, 782, 433)),
            ("played", (789, 420, 841, 435)),
            ("on", (848, 423, 866, 433)),
            ("the", (872, 420, 898, 433)),
        ],
        [("At", (996, 431, 1020, 445)), ("a", (1027, 434, 1038, 445)), ("glance", (1047, 430, 1117, 449))],
        [
            ("platform", (377, 443, 443, 458)),
            ("of", (450, 443, 465, 455)),
            ("the", (470, 443, 495, 455)),
            ("former", (501, 443, 555, 455)),
            ("station,", (561, 443, 618, 457)),
            ("now", (626, 446, 657, 455)),
            ("a", (664, 446, 671, 455)),
            ("cafe", (679, 443, 711, 455)),
            ("run", (719, 446, 743, 455)),
            ("by", (750, 443, 768, 459)),
            ("the", (774, 443, 799, 455)),
            ("residents", (807, 443, 878, 455)),
        ],
        [("association.", (377, 465, 469, 477))],
        [("Length:", (997, 465, 1055, 481)), ("2.4", (1063, 465, 1087, 477)), ("km", (1093, 465, 1116, 477))],
        [
            ("Open:", (997, 498, 1043, 513)),
            ("dawn", (1050, 498, 1091, 511)),
            ("to", (1098, 499, 1113, 511)),
            ("dusk", (1119, 498, 1156, 511)),
        ],
        [
            ("Dogs", (997, 530, 1036, 545)),
            ("on", (1043, 533, 1061, 543)),
            ("leads", (1068, 530, 1109, 543)),
            ("please", (1116, 530, 1166, 545)),
        ],
        [
            ("Cafe:", (997, 562, 1036, 575)),
            ("Wednesday", (1043, 562, 1135, 577)),
            ("to", (1141, 563, 1156, 575)),
            ("Sunday", (1163, 562, 1221, 577)),
        ],
    ]
)


RESULTS = _lines(
    [
        [
            ("About", (311, 216, 344, 225)),
            ("1,240", (348, 216, 379, 226)),
            ("results", (383, 216, 419, 225)),
            ("(0.31", (424, 216, 451, 228)),
            ("seconds)", (456, 216, 506, 228)),
        ],
        [
            ("Repair", (1031, 233, 1082, 248)),
            ("Cafe", (1087, 233, 1123, 245)),
            ("Kettle", (1129, 233, 1174, 245)),
            ("Point", (1180, 233, 1221, 245)),
        ],
        [("www.kettlepoint-repair.org", (311, 248, 455, 260)), ("visit", (467, 248, 489, 257))],
        [("Community", (1031, 263, 1101, 277)), ("group", (1105, 266, 1140, 277))],
        [
            ("Repair", (312, 269, 363, 286)),
            ("Cafe", (368, 269, 404, 282)),
            ("Kettle", (411, 269, 453, 282)),
            ("Point:", (460, 269, 502, 282)),
            ("opening", (509, 269, 570, 286)),
            ("hours", (577, 269, 619, 282)),
            ("and", (625, 269, 653, 282)),
            ("dates", (659, 269, 701, 282)),
        ],
        [
            ("Community", (1031, 292, 1101, 306)),
            ("hall,", (1105, 292, 1129, 305)),
            ("4", (1134, 293, 1142, 303)),
            ("Marsh", (1147, 292, 1184, 303)),
            ("Lane", (1190, 293, 1219, 303)),
        ],
        [
            ("Open", (311, 295, 345, 308)),
            ("on", (350, 297, 364, 305)),
            ("the", (369, 294, 387, 305)),
            ("first", (392, 294, 414, 305)),
            ("Saturday", (419, 294, 475, 308)),
            ("of", (479, 294, 490, 305)),
            ("every", (495, 297, 528, 308)),
            ("month", (533, 294, 570, 305)),
            ("from", (575, 294, 602, 305)),
            ("10:00", (608, 295, 641, 305)),
            ("to", (646, 295, 657, 305)),
            ("13:00", (662, 295, 696, 305)),
            ("in", (701, 294, 710, 305)),
            ("the", (715, 294, 734, 305)),
            ("community", (739, 294, 806, 308)),
            ("hall.", (811, 294, 834, 305)),
            ("Bring", (841, 294, 871, 308)),
            ("one", (877, 297, 899, 305)),
            ("broken", (904, 294, 945, 305)),
        ],
        [("item", (312, 313, 335, 327))],
        [("per", (342, 317, 362, 328)), ("person.", (366, 317, 411, 328))],
        [
            ("Opens", (1031, 323, 1071, 336)),
            ("Saturday", (1076, 322, 1131, 336)),
            ("1", (1136, 323, 1142, 333)),
            ("June", (1147, 323, 1177, 333)),
            ("at", (1181, 323, 1193, 333)),
            ("10:00", (1197, 323, 1231, 333)),
        ],
        [("www.fitguide.net", (309, 351, 414, 367))],
        [
            ("Phone:", (1031, 352, 1073, 363)),
            ("01632", (1079, 353, 1117, 363)),
            ("960418", (1121, 353, 1167, 363)),
        ],
        [("articles", (423, 353, 462, 362)), ("what-to-bring", (474, 353, 547, 365))],
        [
            ("What", (311, 375, 352, 388)),
            ("to", (357, 376, 371, 388)),
            ("bring", (377, 375, 414, 392)),
            ("to", (420, 376, 434, 388)),
            ("a", (440, 378, 449, 388)),
            ("repair", (455, 375, 499, 392)),
            ("cafe", (504, 375, 536, 388)),
        ],
        [
            ("Free", (1031, 382, 1058, 392)),
            ("entry,", (1063, 383, 1096, 395)),
            ("donations", (1101, 381, 1161, 392)),
            ("welcome", (1165, 381, 1220, 392)),
        ],
        [
            ("Volunteers", (311, 399, 377, 410)),
            ("can", (381, 402, 403, 410)),
            ("mend", (408, 399, 442, 410)),
            ("lamps,", (447, 399, 487, 413)),
            ("toasters,", (492, 400, 544, 412)),
            ("bicycles", (550, 399, 599, 413)),
            ("and", (603, 399, 625, 410)),
            ("clothes.", (631, 399, 677, 410)),
            ("Bring", (683, 399, 714, 413)),
            ("spare", (719, 402, 753, 413)),
            ("parts", (759, 401, 788, 413)),
            ("if", (793, 399, 800, 410)),
            ("you", (803, 402, 825, 413)),
            ("have", (831, 399, 860, 410)),
            ("them", (864, 399, 895, 410)),
            ("and", (900, 399, 922, 410)),
            ("a", (927, 402, 934, 410)),
        ],
        [
            ("short", (311, 419, 342, 430)),
            ("note", (347, 420, 373, 430)),
            ("on", (378, 422, 392, 430)),
            ("what", (397, 419, 426, 430)),
            ("went", (430, 421, 460, 430)),
            ("wrong.", (463, 422, 505, 433)),
        ],
        [("marshlane-hall.org.uk", (312, 458, 432, 470)), ("timetable", (443, 458, 494, 467))],
        [
            ("Community", (312, 480, 399, 497)),
            ("hall", (405, 480, 431, 493)),
            ("timetable,", (437, 480, 511, 496)),
            ("Marsh", (519, 480, 565, 493)),
            ("Lane", (572, 480, 609, 493)),
        ],
        [
            ("Monday:", (312, 505, 363, 519)),
            ("yoga", (369, 508, 399, 519)),
            ("18:00.", (404, 506, 441, 516)),
            ("Wednesday:", (446, 505, 522, 519)),
            ("choir", (527, 505, 557, 516)),
            ("19:30.", (562, 506, 599, 516)),
            ("Saturday:", (605, 505, 663, 519)),
            ("repair", (669, 505, 704, 519)),
            ("cafe", (708, 505, 733, 516)),
            ("10:00", (739, 506, 773, 516)),
            ("to", (777, 507, 788, 516)),
            ("13:00,", (793, 506, 830, 518)),
            ("first", (835, 505, 858, 516)),
            ("Saturday", (863, 505, 918, 519)),
            ("only.", (922, 505, 949, 519)),
        ],
        [("www.repaircafes.example:", (314, 542, 460, 558))],
        [("map", (467, 546, 490, 556))],
        [
            ("Repair", (312, 566, 363, 583)),
            ("cafes", (368, 566, 409, 579)),
            ("near", (415, 569, 449, 579)),
            ("you", (454, 569, 481, 583)),
            ("on", (487, 569, 505, 579)),
            ("a", (512, 569, 521, 579)),
            ("map", (527, 569, 559, 583)),
        ],
        [
            ("Find", (312, 590, 337, 601)),
            ("one", (343, 593, 365, 601)),
            ("of", (370, 590, 381, 601)),
            ("2,400", (386, 591, 419, 603)),
            ("repair", (425, 590, 459, 604)),
            ("cafes", (464, 590, 497, 601)),
            ("around", (501, 590, 544, 601)),
            ("the", (549, 590, 567, 601)),
            ("world", (572, 590, 605, 601)),
            ("and", (609, 590, 632, 601)),
            ("see", (637, 593, 658, 601)),
            ("when", (663, 590, 695, 601)),
            ("the", (700, 590, 719, 601)),
            ("next", (724, 592, 750, 601)),
            ("one", (754, 593, 777, 601)),
            ("opens.", (781, 593, 822, 604)),
        ],
        [("www.kettlepoint-repair.org", (313, 628, 456, 644))],
        [("volunteer", (467, 630, 519, 639))],
        [
            ("Volunteer_as", (311, 652, 408, 665)),
            ("a", (411, 649, 419, 672)),
            ("fixer", (428, 652, 461, 665)),
        ],
        [
            ("We", (311, 677, 331, 687)),
            ("are", (336, 679, 355, 687)),
            ("looking", (361, 676, 403, 690)),
            ("for", (408, 676, 424, 687)),
            ("people", (429, 676, 470, 690)),
            ("who", (474, 676, 499, 687)),
            ("like", (505, 676, 524, 687)),
            ("to", (529, 677, 540, 687)),
            ("mend", (545, 676, 579, 687)),
            ("things.", (583, 676, 623, 690)),
            ("No", (629, 677, 645, 687)),
            ("forms:", (650, 676, 688, 687)),
            ("come", (693, 679, 727, 687)),
            ("along", (731, 676, 765, 690)),
            ("and", (769, 676, 792, 687)),
            ("say", (797, 679, 818, 690)),
            ("hello", (823, 676, 851, 687)),
            ("to", (856, 677, 867, 687)),
            ("Tom", (871, 677, 896, 687)),
            ("at", (902, 678, 913, 687)),
            ("the", (917, 676, 935, 687)),
        ],
        [("door.", (311, 696, 341, 707))],
        [
            ("Previous", (312, 735, 365, 746)),
            ("1", (380, 736, 387, 746)),
            ("2", (402, 736, 409, 746)),
            ("3", (423, 736, 430, 746)),
            ("4", (445, 736, 452, 746)),
            ("Next", (468, 736, 495, 746)),
        ],
    ]
)


STATUS = _lines(
    [
        [("18", (345, 484, 362, 496))],
        [
            ("19", (345, 504, 362, 516)),
            ("for", (375, 504, 402, 516)),
            ("bed,", (414, 504, 449, 518)),
            ("crops", (465, 507, 511, 519)),
            ("in", (525, 504, 541, 516)),
            ("BEDS.items():", (554, 504, 679, 519)),
        ],
        [('".join(crops))', (774, 522, 913, 541))],
        [("20", (344, 524, 362, 536))],
        [("print(bed,", (415, 524, 509, 539))],
        [("next_year(bed),", (585, 524, 729, 540))],
        [("beds.py", (335, 698, 406, 722))],
        [("All", (1204, 698, 1236, 722))],
        [("1,1", (1055, 704, 1082, 718))],
        [("20L,", (433, 718, 474, 744))],
        [('"beds.py"', (336, 722, 425, 741))],
        [("533B", (484, 724, 522, 736))],
    ]
)


NAV = _lines(
    [
        [
            ("Home", (182, 176, 221, 190)),
            ("Local", (242, 175, 284, 190)),
            ("Sport", (302, 176, 341, 193)),
            ("Weather", (362, 175, 417, 190)),
        ],
        [("Letters", (513, 176, 556, 190))],
        [("I", (176, 180, 178, 190)), ("Opinion", (438, 177, 488, 191))],
        [
            ("Mill", (182, 225, 234, 244)),
            ("Road", (244, 225, 311, 244)),
            ("bridge", (321, 225, 406, 249)),
            ("to", (416, 227, 442, 244)),
            ("close", (452, 225, 519, 244)),
            ("for", (529, 225, 567, 244)),
            ("six", (576, 225, 613, 244)),
            ("weeks", (620, 225, 701, 244)),
        ],
        [("Most", (1180, 238, 1221, 251)), ("read", (1227, 238, 1263, 251))],
    ]
)


def test_folder_list_is_read_before_the_mails_table() -> None:
    """table-chromium-inbox: "Inbox 4" (on its highlight) to "Trash" first, then the table of mails
    with its header as its first row, no folder among its cells."""
    blocks = layout_blocks(INBOX, picture=_picture("table-chromium-inbox"))
    texts = [b.text for b in blocks]
    folders = [texts.index(t) for t in ("Inbox 4", "Starred", "Drafts 1", "Trash")]
    table = next(b for b in blocks if b.grid is not None)
    assert max(folders) < blocks.index(table)
    assert table.lines[0].text == "From, Subject, Received"
    assert not any("Starred" in line.text or "Trash" in line.text for line in table.lines)


def test_entry_fields_beside_their_labels_are_parted_by_nothing() -> None:
    """form-tk-preferences: white fields beside labels on the dialog's grey: each field's sides run
    down one row only."""
    assert beside(PREFERENCES, _picture("form-tk-preferences")) is None


def test_striped_table_is_parted_by_nothing() -> None:
    """table-chromium-zebra-loans: rows on two grounds in turn share their columns."""
    assert beside(LOANS, _picture("table-chromium-zebra-loans")) is None


def test_boxed_note_is_read_whole_after_both_columns() -> None:
    """dark-chromium-article-box: "At a glance", a box under the right column's paragraphs beside
    the left column's end: the left column, then the right one, then the box, whole."""
    blocks = layout_blocks(ARTICLE, picture=_picture("dark-chromium-article-box"))
    text = " ".join(b.text.replace("\n", " ") for b in blocks)
    assert text.index("association.") < text.index("Not everyone") < text.index("September.")
    assert "September. At a glance Length: 2.4 km Open: dawn to dusk Dogs on leads please Cafe:" in text


def test_bordered_box_beside_results_is_read_whole_after_them() -> None:
    """page-chromium-search-results: a bordered box of a place's details stands right of the first
    results, 60 px from them. Its lines are no cells of a table with the results' lines beside them
    (they were: "www.fixitguide.net, articles what-to-bring, Phone: 01632 960418"), and it is read
    whole after the column of results, not after the first result."""
    picture = _picture("page-chromium-search-results")
    blocks = layout_blocks(RESULTS, picture=picture)
    assert not any(b.grid is not None for b in blocks)
    texts = [b.text for b in blocks]
    box = next(i for i, t in enumerate(texts) if t.startswith("Repair Cafe Kettle Point\n"))
    assert texts[box].endswith("Free entry, donations welcome")
    assert box > next(i for i, t in enumerate(texts) if t.startswith("Previous"))
    sides = beside(RESULTS, picture)
    assert sides is not None and all(ln.box[0] >= 1031 for ln in sides[1])


def test_status_line_is_not_read_into_the_message_under_it() -> None:
    """term-vim-beds: vim's status line, reverse video ("beds.py ... 1,1 All"), over the message line
    ('"beds.py" 20L, 533B'): "beds.py" was read with the message line as one paragraph, and "1,1
    All" after it. The dark band's edge parts them, so the status line is read whole first."""
    picture = _picture("term-vim-beds")
    status = next(ln for ln in STATUS if ln.text == "beds.py")
    message = next(ln for ln in STATUS if ln.text.startswith('"beds.py"'))
    assert parted(picture, status.box, message.box)
    text = " ".join(b.text.replace("\n", " ") for b in layout_blocks(STATUS, picture=picture))
    assert text.index("All") < text.index('"beds.py"')


def test_bar_of_links_is_read_before_the_headline_under_it() -> None:
    """article-chromium-courier: a dark bar of section links ("Home Local Sport Weather", then
    "Opinion", "Letters" read apart) over a white page: its first part was read as one paragraph with
    the headline under it, so "Opinion Letters" came after the headline."""
    blocks = layout_blocks(NAV, picture=_picture("article-chromium-courier"))
    text = " ".join(b.text.replace("\n", " ") for b in blocks)
    assert text.index("Letters") < text.index("Mill Road bridge")


def test_a_link_underlined_over_two_lines_is_one_paragraph() -> None:
    """A link wrapped over two lines, each underlined (a browser's default link): the underline runs
    unbroken under all the columns the two lines share, and the link was read as two blocks. An
    underline stops where its text stops; a rule, a band's border or a box's side runs on past it."""
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 14)
    picture = Image.new("RGB", (600, 80), "white")
    draw = ImageDraw.Draw(picture)
    texts = ["Council extends the Mill Road bridge closure until the", "end of June while repairs go on"]
    boxes = [draw.textbbox((10, 10 + 20 * i), t, font=font) for i, t in enumerate(texts)]
    for text, box in zip(texts, boxes, strict=True):
        draw.text(box[:2], text, font=font, fill=(26, 13, 171), anchor="lt")
        draw.line((box[0], box[3] + 1, box[2], box[3] + 1), fill=(26, 13, 171))
    assert not parted(picture, boxes[0], boxes[1])
    lines = [OcrLine(t, b, 0.9, [OcrWord(t, b, 0.9)]) for t, b in zip(texts, boxes, strict=True)]
    assert len(layout_blocks(lines, picture=picture)) == 1
    # The same two lines with a rule between them running the picture's width are parted.
    draw.line((0, boxes[0][3] + 3, picture.width, boxes[0][3] + 3), fill=(120, 120, 120))
    assert parted(picture, boxes[0], boxes[1])
    # A line in reverse video only as wide as its text (less's prompt) over a wider line: parted.
    picture = Image.new("RGB", (600, 80), "white")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((boxes[1][0] - 2, boxes[0][1] - 3, boxes[1][2] + 2, boxes[0][3] + 3), fill="black")
    draw.text(boxes[0][:2], texts[1], font=font, fill="white", anchor="lt")
    draw.text(boxes[1][:2], texts[0], font=font, fill="black", anchor="lt")
    wide = draw.textbbox(boxes[1][:2], texts[0], font=font, anchor="lt")
    narrow = draw.textbbox(boxes[0][:2], texts[1], font=font, anchor="lt")
    assert parted(picture, narrow, wide)
