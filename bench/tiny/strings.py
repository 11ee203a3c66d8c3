def line(i):
    s = ""
    for k in range(8):
        s = s + str(i * k % 97) + ","
    return s + "x" + str(i)


def run(count):
    lines = []
    for i in range(count):
        lines.append(line(i))
    text = "\n".join(lines)
    fields = 0
    checksum = 0
    for l in text.split("\n"):
        parts = l.split(",")
        fields = fields + len(parts)
        checksum = (checksum * 31 + len(l) + ord(l[0])) % 1000000007
    return [len(text), fields, checksum]


print(run(100000))
