#!/usr/bin/env python3
"""Generate demo-district.yml, the Gridcase demo organisation for 大川区 (fictional).

Deterministic, standard library only: every choice is plain arithmetic on indexes,
so running it twice gives a byte-identical file. Run from anywhere:
    python3 generate-demo-district.py
Each YAML record is a one-line flow mapping, because the Java importer reports
errors by line number.

Every grid gets a rectangle (`area`, [lon, lat] in WGS 84) on a lattice around
Dachuan's centre (about 107.50 E, 31.22 N): each street is a quadrant, each
community two columns by six rows of cells, so neighbouring grids share edges
and never overlap, and cells left over (communities of 10 grids) belong to no
grid. Every grid gets BUILDINGS_PER_GRID buildings of the registry.
"""
import os
from math import gcd

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "demo-district.yml")
DOMAIN = "demo.gridcase.org"

# street name -> [(community name, number of rural grids, dedicated grid kinds)]
# Names ending in 村 are villages (all their ordinary grids are rural).
STREETS = [
    ("东城街道", [("朝阳社区", 0, "商圈 学校"), ("人民路社区", 0, "医院 商圈"),
                  ("文昌社区", 0, "学校 养老院"), ("鼓楼社区", 0, "景区 商圈"),
                  ("解放社区", 0, "农贸市场 学校"), ("府前社区", 0, "政务中心 医院"),
                  ("东风社区", 0, "交通枢纽 学校")]),
    ("西湖街道", [("西湖社区", 0, "景区 商圈"), ("柳岸社区", 0, "学校 养老院"),
                  ("金桥社区", 0, "商圈 医院"), ("翠苑社区", 0, "学校 农贸市场"),
                  ("明珠社区", 0, "商圈 交通枢纽"), ("滨江社区", 0, "景区 医院"),
                  ("望江社区", 0, "学校 养老院")]),
    ("南山街道", [("南山社区", 5, "学校 农贸市场"), ("桂花社区", 7, "工业园 学校"),
                  ("新华社区", 6, "医院 商圈"), ("学府社区", 4, "学校 养老院"),
                  ("石桥村", 10, ""), ("杨柳村", 10, ""), ("青龙村", 10, "景区")]),
    ("北岭街道", [("北岭社区", 7, "工业园 学校"), ("兴隆社区", 7, "物流园 农贸市场"),
                  ("红星村", 10, ""), ("李家村", 10, "工业园"), ("马鞍村", 10, ""),
                  ("白沙村", 9, "学校"), ("长岗村", 10, "")]),
]
TOTAL_GRIDS = 287

# The lattice, in thousandths of a degree so shared edges are written identically.
WEST, SOUTH = 107444, 31202          # south-west corner: 107.444 E, 31.202 N
CELL_LON, CELL_LAT = 4, 3             # about 380 m by 330 m at this latitude
STREET_COLUMNS, COMMUNITY_ROWS = 14, 6
BUILDINGS_PER_GRID = 3

SURNAMES = "张王李刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭"
GIVEN = ("伟 芳 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 "
         "建华 文博 子涵 雨萱 浩然 思远 欣怡 志强 海燕 晓东 丽华 国庆 春梅 玉兰 "
         "建国 红梅 宇航 梓轩 诗涵 俊杰 婷 鹏 辉 慧 颖").split()
PHONE_PREFIXES = ["138", "158", "188", "135", "150", "186"]

# code, full name, short name
DEPARTMENTS = [
    ("D-CG", "大川区城市管理局", "城管"), ("D-SCJG", "大川区市场监督管理局", "市场监管"),
    ("D-GA", "大川区公安分局", "公安"), ("D-ZJ", "大川区住房和城乡建设局", "住建"),
    ("D-MZ", "大川区民政局", "民政"), ("D-SW", "大川区水务局", "水务"),
    ("D-GD", "国网大川区供电公司", "供电"), ("D-RQ", "大川区燃气公司", "燃气"),
    ("D-JY", "大川区教育局", "教育"), ("D-WJ", "大川区卫生健康委员会", "卫健"),
    ("D-RS", "大川区人力资源和社会保障局", "人社"), ("D-YJ", "大川区应急管理局", "应急"),
]
ROLE_KEYS = {"district-liaison-leader", "street-party-secretary", "grid-instructor",
             "community-party-secretary", "community-reviewer", "grid-leader",
             "grid-worker", "part-time-grid-worker", "building-leader",
             "community-police", "department-officer", "supervisor", "administrator"}


def build_units():
    """Return (units, communities, grids); grids carry their dedicated kind."""
    units = [{"code": "DC", "name": "大川区", "level": "district"}]
    communities, grids = [], []
    k = 0  # running community index; every 4th community gets an 11th grid
    for s, (street_name, comms) in enumerate(STREETS, 1):
        sc = "DC-%02d" % s
        units.append({"code": sc, "name": street_name, "level": "street", "parent": "DC"})
        for c, (cname, rural, kinds) in enumerate(comms, 1):
            cc = "%s-%02d" % (sc, c)
            communities.append({"code": cc, "name": cname, "level": "community",
                                "parent": sc, "village": cname.endswith("村")})
            n = 11 if k % 4 == 0 else 10
            k += 1
            kinds = kinds.split()
            plain = n - len(kinds)
            types = ["urban"] * (plain - rural) + ["rural"] * rural + ["dedicated"] * len(kinds)
            assert plain >= rural and (plain == rural or not cname.endswith("村")), cname
            for g, gtype in enumerate(types, 1):
                kind = kinds[g - plain - 1] if gtype == "dedicated" else None
                name = "%s%s专属网格" % (cname, kind) if kind else "%s第%d网格" % (cname, g)
                column = (s - 1) % 2 * STREET_COLUMNS + (c - 1) * 2 + (g - 1) % 2
                row = (s - 1) // 2 * COMMUNITY_ROWS + (g - 1) // 2
                grids.append({"code": "%s-%03d" % (cc, g), "name": name, "level": "grid",
                              "type": gtype, "parent": cc, "kind": kind, "street": street_name,
                              "community": cname, "number": g, "cell": (column, row),
                              "area": area(column, row)})
    return units, communities, grids


def degrees(thousandths):
    return "%d.%03d" % divmod(thousandths, 1000)


def area(column, row):
    """The grid's rectangle as a YAML list of [lon, lat] corners, counter-clockwise."""
    w, s = WEST + column * CELL_LON, SOUTH + row * CELL_LAT
    e, n = w + CELL_LON, s + CELL_LAT
    return "[%s]" % ", ".join("[%s, %s]" % (degrees(x), degrees(y)) for x, y in ((w, s), (e, s), (e, n), (w, n)))


def build_buildings(grids):
    """A few buildings per grid; the address runs along a road named after the community."""
    buildings = []
    for g in grids:
        base = g["community"][:-2] if g["community"].endswith("社区") else g["community"][:-1]
        road = base if base.endswith("路") else base + "路"
        for n in range(1, BUILDINGS_PER_GRID + 1):
            if g["type"] == "rural":
                name = "%s%d组%d号院" % (g["community"], g["number"], n)
            elif g["kind"]:
                name = "%s%s%d号楼" % (g["community"], g["kind"], n)
            else:
                name = "%s%d区%d栋" % (g["community"], g["number"], n)
            buildings.append({"id": "B-%s-%02d" % (g["code"][3:], n), "name": name,
                              "address": "大川区%s%s%d号" % (g["street"], road, g["number"] * 10 + n),
                              "grid": g["code"]})
    return buildings


def minimal(codes):
    """Drop codes already covered by an ancestor code in the same list."""
    return [c for c in codes if not any(c.startswith(o + "-") for o in codes if o != c)]


def build_departments(communities, grids):
    towns = [c["code"] for c in communities if not c["village"]]
    villages = [c["code"] for c in communities if c["village"]]

    def of_kind(*kinds):
        return [g["code"] for g in grids if g["kind"] in kinds]

    spread = {
        "D-SCJG": ["DC-01", "DC-02"] + of_kind("商圈", "农贸市场"),
        "D-ZJ": ["DC-01", "DC-02", "DC-03"] + [c for c in towns if c.startswith("DC-04")],
        "D-SW": ["DC-02", "DC-04"] + [c for c in villages if c.startswith("DC-03")],
        "D-RQ": ["DC-01", "DC-02"] + towns,
        "D-JY": ["DC-03-04"] + of_kind("学校"),
        "D-RS": ["DC-01"] + of_kind("工业园", "物流园"),
    }
    return [{"code": code, "name": name, "short": short,
             "grids": minimal(spread.get(code, ["DC"]))} for code, name, short in DEPARTMENTS]


def build_people(streets, communities, grids):
    people = []  # creation order decides the (deterministic) name and phone

    def person(pid, *roles):
        people.append({"id": pid, "roles": list(roles)})

    def role(role, unit, backup=None):
        r = {"role": role, "unit": unit}
        if backup:
            r["backup"] = backup
        return r

    for g in grids:
        t = g["code"][3:]                      # SS-CC-GGG
        sec = "secretary-" + t[:5]
        person("leader-" + t, role("grid-leader", g["code"], sec))
        # AB角: the grid leader backs up the full-time grid worker of the same grid.
        person("worker-" + t, role("grid-worker", g["code"], "leader-" + t))
        if int(t[6:]) % 3 == 0:
            person("parttime-" + t, role("part-time-grid-worker", g["code"]))
        person("building-" + t, role("building-leader", g["code"]))
    for c in communities:
        t, cc = c["code"][3:], c["code"]
        mine = [g["code"] for g in grids if g["parent"] == cc]
        person("instructor-" + t, *[role("grid-instructor", gc) for gc in mine])
        person("secretary-" + t, role("community-party-secretary", cc, "leader-%s-001" % t))
        person("reviewer-" + t, role("community-reviewer", cc))
        person("liaison-" + t, role("district-liaison-leader", cc))
        person("police-" + t, role("community-police", cc))
    for s in streets:
        t = s["code"][3:]
        person("street-secretary-" + t, role("street-party-secretary", s["code"]))
        person("supervisor-" + t, role("supervisor", s["code"]))
    person("supervisor-dc", role("supervisor", "DC"))
    person("admin-dc", role("administrator", "DC"))
    for code, _, _ in DEPARTMENTS:
        o = "officer-%s-" % code[2:].lower()
        person(o + "1", role("department-officer", code, o + "2"))
        person(o + "2", role("department-officer", code, o + "1"))

    # Names: i -> (surname i mod 31, given name i mod 47) is injective for
    # i < 31*47 by the Chinese remainder theorem, so names are unique too.
    assert gcd(len(SURNAMES), len(GIVEN)) == 1 and len(set(GIVEN)) == len(GIVEN)
    assert len(people) <= len(SURNAMES) * len(GIVEN)
    for i, p in enumerate(people):
        p["name"] = SURNAMES[i % len(SURNAMES)] + GIVEN[i % len(GIVEN)]
        p["phone"] = PHONE_PREFIXES[i % len(PHONE_PREFIXES)] + "%08d" % (i + 1)
        p["email"] = "%s@%s" % (p["id"], DOMAIN)
    return sorted(people, key=lambda p: p["id"])


def validate(units, departments, people, buildings):
    codes = [u["code"] for u in units] + [d["code"] for d in departments]
    cells = [u["cell"] for u in units if u["level"] == "grid"]
    assert len(cells) == len(set(cells)), "two grids on one cell"
    assert len({b["id"] for b in buildings}) == len(buildings), "duplicate building id"
    assert all(b["grid"] in codes for b in buildings)
    assert len(codes) == len(set(codes)), "duplicate code"
    seen, names = set(), set()
    for u in units:
        assert u.get("parent", "DC") in seen or u["level"] == "district", u
        assert (u.get("parent"), u["name"]) not in names, u
        seen.add(u["code"])
        names.add((u.get("parent"), u["name"]))
    for d in departments:
        assert all(c in seen for c in d["grids"]), d
    ids = {p["id"] for p in people}
    assert len(ids) == len(people), "duplicate id"
    assert len({p["phone"] for p in people}) == len(people), "duplicate phone"
    for p in people:
        assert p["id"].isascii() and len(p["phone"]) == 11 and p["phone"][:2] in ("13", "15", "18")
        for r in p["roles"]:
            assert r["role"] in ROLE_KEYS and r["unit"] in codes, (p["id"], r)
            assert r.get("backup", "-") == "-" or (r["backup"] in ids and r["backup"] != p["id"])


def flow(d):
    """Render a dict as a one-line YAML flow mapping (values need no escaping here)."""
    def val(k, v):
        if isinstance(v, list):
            return "[%s]" % ", ".join(flow(x) if isinstance(x, dict) else x for x in v)
        return '"%s"' % v if k == "phone" else v
    return "{%s}" % ", ".join("%s: %s" % (k, val(k, v)) for k, v in d.items())


def main():
    units, communities, grids = build_units()
    assert len(units) == 5 and len(communities) == 28 and len(grids) == TOTAL_GRIDS
    streets = units[1:]
    units = units[:1] + streets + sorted(communities, key=lambda u: u["code"]) \
        + sorted(grids, key=lambda u: u["code"])
    departments = build_departments(communities, grids)
    people = build_people(streets, communities, grids)
    buildings = build_buildings(grids)
    validate(units, departments, people, buildings)

    keep = ("code", "name", "level", "type", "parent", "area")
    lines = ["# Gridcase demo organisation: 大川区 (fictional), sized like Dachuan district in the seeds.",
             "# Generated by generate-demo-district.py — edit the generator, not this file.",
             'version: "2026.11-demo"', "units:"]
    lines += ["  - " + flow({k: u[k] for k in keep if k in u}) for u in units]
    lines += ["departments:"] + ["  - " + flow(d) for d in departments]
    lines += ["buildings:"] + ["  - " + flow(b) for b in buildings]
    lines += ["people:"] + ["  - " + flow({k: p[k] for k in ("id", "name", "phone", "email", "roles")})
                            for p in people]
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")

    by_type = {t: sum(g["type"] == t for g in grids) for t in ("urban", "rural", "dedicated")}
    print("wrote %s" % OUT)
    print("streets %d, communities %d (villages %d), grids %d %s" % (
        len(streets), len(communities), sum(c["village"] for c in communities), len(grids), by_type))
    print("departments %d, people %d, role assignments %d, buildings %d" % (
        len(departments), len(people), sum(len(p["roles"]) for p in people), len(buildings)))


if __name__ == "__main__":
    main()
